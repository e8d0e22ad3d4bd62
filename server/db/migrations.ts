/**
 * The relational schema, one migration per entry; `PRAGMA user_version` records how many ran.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE facilitators (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret TEXT,
    totp_enabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE setup_links (
    token_hash TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );

  CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    theme TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('thematic', 'psychoeducational', 'support', 'experiential')),
    description TEXT NOT NULL,
    goals TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    anonymous_chat INTEGER NOT NULL,
    facilitators_see_authors INTEGER NOT NULL,
    auto_admit INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE group_facilitators (
    group_id TEXT NOT NULL REFERENCES groups (id),
    facilitator_id TEXT NOT NULL REFERENCES facilitators (id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'co')),
    PRIMARY KEY (group_id, facilitator_id)
  );

  CREATE TABLE agreements (
    group_id TEXT NOT NULL REFERENCES groups (id),
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (group_id, version)
  );

  CREATE TABLE members (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups (id),
    pseudonym TEXT NOT NULL,
    pseudonym_key TEXT NOT NULL,
    colour TEXT NOT NULL,
    passphrase_hash TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'removed')),
    created_at INTEGER NOT NULL,
    removed_at INTEGER,
    UNIQUE (group_id, pseudonym_key)
  );

  CREATE TABLE agreement_acceptances (
    member_id TEXT NOT NULL REFERENCES members (id),
    version INTEGER NOT NULL,
    accepted_at INTEGER NOT NULL,
    PRIMARY KEY (member_id, version)
  );

  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups (id),
    token_hash TEXT NOT NULL UNIQUE,
    max_uses INTEGER NOT NULL CHECK (max_uses > 0),
    uses INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    created_by TEXT NOT NULL REFERENCES facilitators (id),
    created_at INTEGER NOT NULL,
    -- Set for a re-issued access link: it restores this member instead of creating one.
    member_id TEXT REFERENCES members (id)
  );

  CREATE TABLE logins (
    token_hash TEXT PRIMARY KEY,
    principal_kind TEXT NOT NULL CHECK (principal_kind IN ('facilitator', 'member')),
    principal_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ended_at INTEGER
  );
  CREATE INDEX logins_principal ON logins (principal_kind, principal_id);

  CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX login_failures_key ON login_failures (key, at);

  CREATE TABLE session_series (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups (id),
    title TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    local_start TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    occurrences INTEGER NOT NULL
  );

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups (id),
    series_id TEXT REFERENCES session_series (id),
    title TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL,
    time_zone TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'open', 'live', 'ended', 'cancelled')),
    locked INTEGER NOT NULL DEFAULT 0,
    opened_at INTEGER,
    started_at INTEGER,
    ended_at INTEGER
  );
  CREATE INDEX sessions_group ON sessions (group_id, starts_at);

  CREATE TABLE session_attendance (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    state TEXT NOT NULL CHECK (state IN ('waiting', 'admitted', 'removed')),
    arrived_at INTEGER NOT NULL,
    admitted_at INTEGER,
    left_at INTEGER,
    PRIMARY KEY (session_id, member_id)
  );

  CREATE TABLE calendar_feeds (
    token_hash TEXT PRIMARY KEY,
    member_id TEXT NOT NULL UNIQUE REFERENCES members (id)
  );

  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    target_kind TEXT,
    target_id TEXT,
    group_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_log_group ON audit_log (group_id, seq);
  -- Append-only: the database itself refuses changes to the trail.
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
  `
  CREATE TABLE worksheet_templates (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES facilitators (id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    source TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE worksheets (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    group_id TEXT NOT NULL REFERENCES groups (id),
    template_id TEXT NOT NULL,
    title TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('shared', 'private')),
    -- The starting content, fixed when assigned: later edits of the template do not change it.
    content TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES facilitators (id),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX worksheets_session ON worksheets (session_id);

  -- A member's consent: the whole sheet (field_id '') or one answer, to one audience.
  CREATE TABLE worksheet_shares (
    worksheet_id TEXT NOT NULL REFERENCES worksheets (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    audience TEXT NOT NULL CHECK (audience IN ('facilitators', 'group')),
    field_id TEXT NOT NULL DEFAULT '',
    -- An opaque key for a shared answer in the audience's document, never the member id.
    share_key TEXT NOT NULL,
    shared_at INTEGER NOT NULL,
    PRIMARY KEY (worksheet_id, member_id, audience, field_id)
  );
  `,
  `
  -- The last accepted two-factor time step: a code is good once, not for its whole window.
  ALTER TABLE facilitators ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- The name under which a member's private copy of a worksheet is opened, by them and by
  -- whoever they share it with: an opaque key, so that no member id reaches a peer (C1).
  CREATE TABLE private_copies (
    worksheet_id TEXT NOT NULL REFERENCES worksheets (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    copy_key TEXT NOT NULL UNIQUE,
    PRIMARY KEY (worksheet_id, member_id)
  );
  `,
  `
  -- A member's private line to the facilitators in one session, opened under an opaque key so
  -- that its name carries no member id (C1). The server writes it; the member and the
  -- session's facilitators read it.
  CREATE TABLE private_lines (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    line_key TEXT NOT NULL UNIQUE,
    PRIMARY KEY (session_id, member_id)
  );
  -- Silent signals and when a facilitator marked them seen: shared by every facilitator of
  -- the session, and told to the member on their private line.
  CREATE TABLE silent_signals (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    kind TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    seen_at INTEGER,
    seen_by TEXT REFERENCES facilitators (id)
  );
  CREATE INDEX silent_signals_by_session ON silent_signals (session_id, sent_at);
  -- Whether a facilitator wants a sound with a silent signal (off unless they turn it on).
  ALTER TABLE facilitators ADD COLUMN signal_sound INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- What the facilitators brought everyone to ("bring everyone here"): JSON {kind, id, at}, or
  -- null. Written into the room document for members to follow.
  ALTER TABLE sessions ADD COLUMN presented TEXT;
  `,
  `
  -- A facilitator's own note on an invitation ("for the Tuesday group", "for R."): shown to
  -- facilitators only, never on the invitation page.
  ALTER TABLE invitations ADD COLUMN label TEXT NOT NULL DEFAULT '';
  -- A short word from the facilitators to those waiting ("Starting in 5 minutes"): JSON
  -- {text, at}, or null.
  ALTER TABLE sessions ADD COLUMN waiting_message TEXT;
  -- Homework: a private sheet each member does before the next session; their copy stays
  -- theirs to write in until a facilitator closes the sheet (closed_at), for everyone at once.
  ALTER TABLE worksheets ADD COLUMN homework INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE worksheets ADD COLUMN closed_at INTEGER;
  -- Each worksheet document as it was when its session ended: read only, whatever is edited
  -- later. Served by opaque id, to whoever the document's own rule lets read it.
  CREATE TABLE session_snapshots (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    worksheet_id TEXT NOT NULL REFERENCES worksheets (id),
    doc TEXT NOT NULL,
    taken_at INTEGER NOT NULL,
    data BLOB NOT NULL,
    UNIQUE (session_id, doc)
  );
  `,
  `
  -- What the facilitators release to members after the session (shared/sessions/release.ts):
  -- the kinds withheld (JSON array), how many days after the end it stays (NULL: until they
  -- change it), and when the retention job deleted it.
  ALTER TABLE sessions ADD COLUMN withheld TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE sessions ADD COLUMN release_days INTEGER;
  ALTER TABLE sessions ADD COLUMN materials_deleted_at INTEGER;
  `,
  `
  -- Reminders without email (issue 13): one Web Push subscription per device a member opted
  -- in on, and which reminders were sent, so that none is sent twice.
  CREATE TABLE push_subscriptions (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (id),
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX push_subscriptions_member ON push_subscriptions (member_id);
  CREATE TABLE reminders_sent (
    subscription_id TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    sent_at INTEGER NOT NULL,
    PRIMARY KEY (subscription_id, session_id)
  );
  `,
  `
  -- A member deleted their own copy of this sheet: it is no longer listed for them (the
  -- copy itself and everything it shared are gone; see server/erasure/eraseCopy.ts).
  CREATE TABLE deleted_copies (
    worksheet_id TEXT NOT NULL REFERENCES worksheets (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    deleted_at INTEGER NOT NULL,
    PRIMARY KEY (worksheet_id, member_id)
  );
  `,
  `
  -- Decks of slides in facilitators' libraries (issue 14): the deck is the Yjs document
  -- deck/<id>, its speaker notes deck/<id>/notes; who may edit them is deck_editors.
  CREATE TABLE decks (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES facilitators (id),
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE deck_editors (
    deck_id TEXT NOT NULL REFERENCES decks (id),
    facilitator_id TEXT NOT NULL REFERENCES facilitators (id),
    PRIMARY KEY (deck_id, facilitator_id)
  );
  -- A deck brought into a session: the session's own copy (g/<g>/s/<s>/handout/<id>, without
  -- the notes, which are copied to .../handout/<id>/notes for the facilitators only).
  CREATE TABLE handouts (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    deck_id TEXT NOT NULL REFERENCES decks (id),
    title TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES facilitators (id),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX handouts_session ON handouts (session_id);
  `,
  `
  -- Answers to response slides: who answered what stays here, on the server; documents get
  -- counts only. results_shown: the facilitators chose to show a slide's counts to the group.
  CREATE TABLE slide_responses (
    handout_id TEXT NOT NULL REFERENCES handouts (id),
    slide_id TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    value TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (handout_id, slide_id, member_id)
  );
  CREATE TABLE slide_results_shown (
    handout_id TEXT NOT NULL REFERENCES handouts (id),
    slide_id TEXT NOT NULL,
    PRIMARY KEY (handout_id, slide_id)
  );
  `,
  `
  -- Images for slides (and, later, the whiteboard): stored once by their SHA-256, sniffed from
  -- their bytes; who may fetch one follows the decks and session copies that use it.
  CREATE TABLE images (
    hash TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE deck_images (
    deck_id TEXT NOT NULL REFERENCES decks (id),
    hash TEXT NOT NULL REFERENCES images (hash),
    PRIMARY KEY (deck_id, hash)
  );
  CREATE TABLE handout_images (
    handout_id TEXT NOT NULL REFERENCES handouts (id),
    hash TEXT NOT NULL REFERENCES images (hash),
    PRIMARY KEY (handout_id, hash)
  );
  `,
  `
  -- Chat (issue 15). The record of every message of a session; the chat document holds the
  -- recent part. member_id links a message to its writer only where the group's policy let
  -- facilitators see it (or the message was not anonymous): an anonymous message in a fully
  -- anonymous group has no link here. text is NULL once removed.
  ALTER TABLE groups ADD COLUMN chat_kept INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE groups ADD COLUMN crisis_region TEXT NOT NULL DEFAULT 'other';
  ALTER TABLE sessions ADD COLUMN chat_locked INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sessions ADD COLUMN chat_slow_seconds INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sessions ADD COLUMN chat_cleared_at INTEGER;
  CREATE TABLE chat_messages (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    author TEXT NOT NULL,
    member_id TEXT REFERENCES members (id),
    text TEXT,
    removed TEXT,
    removed_at INTEGER,
    UNIQUE (session_id, seq)
  );
  CREATE INDEX chat_messages_member ON chat_messages (member_id);
  -- Who reacted, to let them take it back; documents carry counts only.
  CREATE TABLE chat_reactions (
    message_id TEXT NOT NULL REFERENCES chat_messages (id),
    person TEXT NOT NULL,
    reaction TEXT NOT NULL,
    PRIMARY KEY (message_id, person, reaction)
  );
  -- A member a facilitator muted in one session's chat; named says whether facilitators may
  -- see who (a mute from an anonymous message mutes its writer without naming them).
  CREATE TABLE chat_mutes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    named INTEGER NOT NULL,
    muted_at INTEGER NOT NULL,
    muted_by TEXT NOT NULL REFERENCES facilitators (id),
    UNIQUE (session_id, member_id)
  );
  -- A risk phrase matched (a silent signal of kind 'crisis'): the writer is kept so that
  -- crisis resources reach them privately, even when facilitators may not learn who it is.
  CREATE TABLE crisis_alerts (
    signal_id TEXT PRIMARY KEY REFERENCES silent_signals (id),
    category TEXT NOT NULL,
    source TEXT NOT NULL,
    message_id TEXT,
    resources_sent_at INTEGER
  );
  `,
  `
  -- The whiteboard (issue 16). Each person's layer of a session's group canvas, and each
  -- member's own canvas, opened by an opaque key (the name carries no id, C1); owner_id is a
  -- member's or a facilitator's id. canvas_locked: members' layers are read only.
  ALTER TABLE sessions ADD COLUMN canvas_locked INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE canvas_keys (
    key TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    owner_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('layer', 'sketch')),
    created_at INTEGER NOT NULL,
    UNIQUE (session_id, owner_id, kind)
  );
  `,
  `
  -- Pictures on the whiteboard: each linked to the layer or own canvas it was added to (by
  -- that canvas's key), so that whoever may read that canvas, and only they, may fetch it.
  CREATE TABLE canvas_images (
    key TEXT NOT NULL REFERENCES canvas_keys (key),
    hash TEXT NOT NULL REFERENCES images (hash),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (key, hash)
  );
  `,
  `
  -- Video (issue 17). Each person's identity in a session's call is opaque (the media server and
  -- the other people in the call never see an account id); removed_at: taken out of the call,
  -- no new token. Webhook events are taken once, by LiveKit's event id; attendance is when each
  -- identity joined and left the call. The media key of an end-to-end encrypted call has a new
  -- generation whenever someone is taken out.
  ALTER TABLE groups ADD COLUMN video_e2ee INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE video_identities (
    identity TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    person_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER,
    UNIQUE (session_id, person_id)
  );
  CREATE TABLE video_events (
    id TEXT PRIMARY KEY,
    received_at INTEGER NOT NULL
  );
  CREATE TABLE video_attendance (
    identity TEXT NOT NULL REFERENCES video_identities (identity),
    joined_at INTEGER NOT NULL,
    left_at INTEGER,
    PRIMARY KEY (identity, joined_at)
  );
  CREATE TABLE video_keys (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    generation INTEGER NOT NULL,
    key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (session_id, generation)
  );
  `,
  `
  -- Check-ins and measures (issue 18). A check-in is opened by a facilitator at a session; a
  -- member's answer (a mood of 0 to 10, a word, or both) is theirs, shown to the group only as
  -- an aggregate, to facilitators one by one only where the group allows (checkins_named). A
  -- measure (PHQ-9, GAD-7) is sent at a session; the answers, score and band are the member's
  -- and the facilitators', never the group's.
  ALTER TABLE groups ADD COLUMN checkins_named INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE checkins (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    kind TEXT NOT NULL,
    moment TEXT NOT NULL,
    -- The group's setting when it opened: members answer under the promise the card made.
    named INTEGER NOT NULL,
    opened_at INTEGER NOT NULL,
    opened_by TEXT NOT NULL,
    closed_at INTEGER
  );
  CREATE INDEX checkins_by_session ON checkins (session_id, opened_at);
  CREATE TABLE checkin_answers (
    checkin_id TEXT NOT NULL REFERENCES checkins (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    mood INTEGER,
    word TEXT,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (checkin_id, member_id)
  );
  CREATE INDEX checkin_answers_by_member ON checkin_answers (member_id);
  CREATE TABLE measure_requests (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    measure TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    sent_by TEXT NOT NULL,
    UNIQUE (session_id, measure)
  );
  CREATE TABLE measure_answers (
    request_id TEXT NOT NULL REFERENCES measure_requests (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    answers TEXT NOT NULL,
    score INTEGER NOT NULL,
    band TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (request_id, member_id)
  );
  CREATE INDEX measure_answers_by_member ON measure_answers (member_id);
  `,
  `
  -- Goals (issue 18): a member's own goals are opened by an opaque key (no member id in the
  -- document's name); sharing them with the facilitators is the member's consent, kept here.
  CREATE TABLE member_goals (
    group_id TEXT NOT NULL REFERENCES groups (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    goals_key TEXT NOT NULL UNIQUE,
    shared_with_facilitators INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (group_id, member_id)
  );
  `,
  `
  -- Encryption at rest (issue 19): which stored snapshots and images are sealed. TEXT columns
  -- tell by their 'sealed:' prefix; raw bytes cannot, so older rows are 0 until start-up seals
  -- them (server/crypto/sealStoredRecords.ts).
  ALTER TABLE session_snapshots ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE images ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- Erasing a group (issue 19). erased_at: when its lead erased it; from then on it is in no
  -- list and every route for it answers 410. erasure_finished_at: when its documents, data
  -- keys and rows were gone (a server stopped half-way finishes at its next scheduled run,
  -- server/erasure/eraseGroup.ts). The row stays, blanked, so the audit trail's group id
  -- still names something.
  ALTER TABLE groups ADD COLUMN erased_at INTEGER;
  ALTER TABLE groups ADD COLUMN erasure_finished_at INTEGER;
  `,
  `
  -- The throttle's rows get an id of their own (issue 21): the same column on SQLite and on
  -- PostgreSQL, where there is no rowid. Attempts are short-lived; they are kept as they are.
  CREATE TABLE login_failures_new (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  INSERT INTO login_failures_new (id, key, at) SELECT rowid, key, at FROM login_failures;
  DROP TABLE login_failures;
  ALTER TABLE login_failures_new RENAME TO login_failures;
  CREATE INDEX login_failures_key ON login_failures (key, at);
  `,
]
