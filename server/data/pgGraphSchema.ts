/**
 * The relational graph on PostgreSQL (issue 21): every table of `server/db/migrations.ts` not
 * moved before it, as SQLite holds them after its last step, so one Kysely query reads both.
 * Integers are BIGINT (read as numbers, `postgresPool.ts`), blobs BYTEA. Two differences
 * from SQLite, both for what SQLite's loose types allowed: `measure_answers.score` is TEXT
 * (it holds a sealed value), and the audit trail is append-only through a plpgsql trigger.
 */
export const GRAPH_SCHEMA = `
  CREATE TABLE facilitators (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      totp_secret TEXT,
      totp_enabled BIGINT NOT NULL DEFAULT 0,
      created_at BIGINT NOT NULL,
       totp_last_step BIGINT NOT NULL DEFAULT 0, signal_sound BIGINT NOT NULL DEFAULT 0);
  CREATE TABLE setup_links (
      token_hash TEXT PRIMARY KEY,
      expires_at BIGINT NOT NULL,
      used_at BIGINT
    );
  CREATE TABLE groups (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      theme TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('thematic', 'psychoeducational', 'support', 'experiential')),
      description TEXT NOT NULL,
      goals TEXT NOT NULL,
      capacity BIGINT NOT NULL CHECK (capacity > 0),
      anonymous_chat BIGINT NOT NULL,
      facilitators_see_authors BIGINT NOT NULL,
      auto_admit BIGINT NOT NULL DEFAULT 0,
      created_at BIGINT NOT NULL,
       chat_kept BIGINT NOT NULL DEFAULT 1, crisis_region TEXT NOT NULL DEFAULT 'other', video_e2ee BIGINT NOT NULL DEFAULT 0, checkins_named BIGINT NOT NULL DEFAULT 0, erased_at BIGINT, erasure_finished_at BIGINT);
  CREATE TABLE group_facilitators (
      group_id TEXT NOT NULL REFERENCES groups (id),
      facilitator_id TEXT NOT NULL REFERENCES facilitators (id),
      role TEXT NOT NULL CHECK (role IN ('lead', 'co')),
      PRIMARY KEY (group_id, facilitator_id)
    );
  CREATE TABLE agreements (
      group_id TEXT NOT NULL REFERENCES groups (id),
      version BIGINT NOT NULL,
      text TEXT NOT NULL,
      created_at BIGINT NOT NULL,
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
      created_at BIGINT NOT NULL,
      removed_at BIGINT,
      UNIQUE (group_id, pseudonym_key)
    );
  CREATE TABLE agreement_acceptances (
      member_id TEXT NOT NULL REFERENCES members (id),
      version BIGINT NOT NULL,
      accepted_at BIGINT NOT NULL,
      PRIMARY KEY (member_id, version)
    );
  CREATE TABLE invitations (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL REFERENCES groups (id),
      token_hash TEXT NOT NULL UNIQUE,
      max_uses BIGINT NOT NULL CHECK (max_uses > 0),
      uses BIGINT NOT NULL DEFAULT 0,
      expires_at BIGINT NOT NULL,
      revoked_at BIGINT,
      created_by TEXT NOT NULL REFERENCES facilitators (id),
      created_at BIGINT NOT NULL,
    
      member_id TEXT REFERENCES members (id),
       label TEXT NOT NULL DEFAULT '');
  CREATE TABLE session_series (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL REFERENCES groups (id),
      title TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      local_start TEXT NOT NULL,
      duration_minutes BIGINT NOT NULL,
      occurrences BIGINT NOT NULL
    );
  CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL REFERENCES groups (id),
      series_id TEXT REFERENCES session_series (id),
      title TEXT NOT NULL,
      starts_at BIGINT NOT NULL,
      duration_minutes BIGINT NOT NULL,
      time_zone TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'open', 'live', 'ended', 'cancelled')),
      locked BIGINT NOT NULL DEFAULT 0,
      opened_at BIGINT,
      started_at BIGINT,
      ended_at BIGINT,
       presented TEXT, waiting_message TEXT, withheld TEXT NOT NULL DEFAULT '[]', release_days BIGINT, materials_deleted_at BIGINT, chat_locked BIGINT NOT NULL DEFAULT 0, chat_slow_seconds BIGINT NOT NULL DEFAULT 0, chat_cleared_at BIGINT, canvas_locked BIGINT NOT NULL DEFAULT 0);
  CREATE INDEX sessions_group ON sessions (group_id, starts_at);
  CREATE TABLE session_attendance (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      state TEXT NOT NULL CHECK (state IN ('waiting', 'admitted', 'removed')),
      arrived_at BIGINT NOT NULL,
      admitted_at BIGINT,
      left_at BIGINT,
      PRIMARY KEY (session_id, member_id)
    );
  CREATE TABLE calendar_feeds (
      token_hash TEXT PRIMARY KEY,
      member_id TEXT NOT NULL UNIQUE REFERENCES members (id)
    );
  CREATE TABLE audit_log (
      seq BIGINT PRIMARY KEY,
      at BIGINT NOT NULL,
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
  CREATE TABLE worksheet_templates (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL REFERENCES facilitators (id),
      title TEXT NOT NULL,
      summary TEXT NOT NULL,
      source TEXT NOT NULL,
      content TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    );
  CREATE TABLE worksheets (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      group_id TEXT NOT NULL REFERENCES groups (id),
      template_id TEXT NOT NULL,
      title TEXT NOT NULL,
      mode TEXT NOT NULL CHECK (mode IN ('shared', 'private')),
    
      content TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES facilitators (id),
      created_at BIGINT NOT NULL,
       homework BIGINT NOT NULL DEFAULT 0, closed_at BIGINT);
  CREATE INDEX worksheets_session ON worksheets (session_id);
  CREATE TABLE worksheet_shares (
      worksheet_id TEXT NOT NULL REFERENCES worksheets (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      audience TEXT NOT NULL CHECK (audience IN ('facilitators', 'group')),
      field_id TEXT NOT NULL DEFAULT '',
    
      share_key TEXT NOT NULL,
      shared_at BIGINT NOT NULL,
      PRIMARY KEY (worksheet_id, member_id, audience, field_id)
    );
  CREATE TABLE private_copies (
      worksheet_id TEXT NOT NULL REFERENCES worksheets (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      copy_key TEXT NOT NULL UNIQUE,
      PRIMARY KEY (worksheet_id, member_id)
    );
  CREATE TABLE private_lines (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      line_key TEXT NOT NULL UNIQUE,
      PRIMARY KEY (session_id, member_id)
    );
  CREATE TABLE silent_signals (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      kind TEXT NOT NULL,
      sent_at BIGINT NOT NULL,
      seen_at BIGINT,
      seen_by TEXT REFERENCES facilitators (id)
    );
  CREATE INDEX silent_signals_by_session ON silent_signals (session_id, sent_at);
  CREATE TABLE session_snapshots (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      worksheet_id TEXT NOT NULL REFERENCES worksheets (id),
      doc TEXT NOT NULL,
      taken_at BIGINT NOT NULL,
      data BYTEA NOT NULL, sealed BIGINT NOT NULL DEFAULT 0,
      UNIQUE (session_id, doc)
    );
  CREATE TABLE push_subscriptions (
      id TEXT PRIMARY KEY,
      member_id TEXT NOT NULL REFERENCES members (id),
      endpoint TEXT NOT NULL UNIQUE,
      p256dh TEXT NOT NULL,
      auth TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
  CREATE INDEX push_subscriptions_member ON push_subscriptions (member_id);
  CREATE TABLE reminders_sent (
      subscription_id TEXT NOT NULL,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      sent_at BIGINT NOT NULL,
      PRIMARY KEY (subscription_id, session_id)
    );
  CREATE TABLE deleted_copies (
      worksheet_id TEXT NOT NULL REFERENCES worksheets (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      deleted_at BIGINT NOT NULL,
      PRIMARY KEY (worksheet_id, member_id)
    );
  CREATE TABLE decks (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL REFERENCES facilitators (id),
      title TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
  CREATE TABLE deck_editors (
      deck_id TEXT NOT NULL REFERENCES decks (id),
      facilitator_id TEXT NOT NULL REFERENCES facilitators (id),
      PRIMARY KEY (deck_id, facilitator_id)
    );
  CREATE TABLE handouts (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      deck_id TEXT NOT NULL REFERENCES decks (id),
      title TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES facilitators (id),
      created_at BIGINT NOT NULL
    );
  CREATE INDEX handouts_session ON handouts (session_id);
  CREATE TABLE slide_responses (
      handout_id TEXT NOT NULL REFERENCES handouts (id),
      slide_id TEXT NOT NULL,
      member_id TEXT NOT NULL REFERENCES members (id),
      value TEXT NOT NULL,
      answered_at BIGINT NOT NULL,
      PRIMARY KEY (handout_id, slide_id, member_id)
    );
  CREATE TABLE slide_results_shown (
      handout_id TEXT NOT NULL REFERENCES handouts (id),
      slide_id TEXT NOT NULL,
      PRIMARY KEY (handout_id, slide_id)
    );
  CREATE TABLE images (
      hash TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      size BIGINT NOT NULL,
      data BYTEA NOT NULL,
      created_at BIGINT NOT NULL,
       sealed BIGINT NOT NULL DEFAULT 0);
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
  CREATE TABLE chat_messages (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      seq BIGINT NOT NULL,
      at BIGINT NOT NULL,
      author TEXT NOT NULL,
      member_id TEXT REFERENCES members (id),
      text TEXT,
      removed TEXT,
      removed_at BIGINT,
      UNIQUE (session_id, seq)
    );
  CREATE INDEX chat_messages_member ON chat_messages (member_id);
  CREATE TABLE chat_reactions (
      message_id TEXT NOT NULL REFERENCES chat_messages (id),
      person TEXT NOT NULL,
      reaction TEXT NOT NULL,
      PRIMARY KEY (message_id, person, reaction)
    );
  CREATE TABLE chat_mutes (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      named BIGINT NOT NULL,
      muted_at BIGINT NOT NULL,
      muted_by TEXT NOT NULL REFERENCES facilitators (id),
      UNIQUE (session_id, member_id)
    );
  CREATE TABLE crisis_alerts (
      signal_id TEXT PRIMARY KEY REFERENCES silent_signals (id),
      category TEXT NOT NULL,
      source TEXT NOT NULL,
      message_id TEXT,
      resources_sent_at BIGINT
    );
  CREATE TABLE canvas_keys (
      key TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      owner_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('layer', 'sketch')),
      created_at BIGINT NOT NULL,
      UNIQUE (session_id, owner_id, kind)
    );
  CREATE TABLE canvas_images (
      key TEXT NOT NULL REFERENCES canvas_keys (key),
      hash TEXT NOT NULL REFERENCES images (hash),
      created_at BIGINT NOT NULL,
      PRIMARY KEY (key, hash)
    );
  CREATE TABLE video_identities (
      identity TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      person_id TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      removed_at BIGINT,
      UNIQUE (session_id, person_id)
    );
  CREATE TABLE video_attendance (
      identity TEXT NOT NULL REFERENCES video_identities (identity),
      joined_at BIGINT NOT NULL,
      left_at BIGINT,
      PRIMARY KEY (identity, joined_at)
    );
  CREATE TABLE video_keys (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      generation BIGINT NOT NULL,
      key TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (session_id, generation)
    );
  CREATE TABLE checkins (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      kind TEXT NOT NULL,
      moment TEXT NOT NULL,
    
      named BIGINT NOT NULL,
      opened_at BIGINT NOT NULL,
      opened_by TEXT NOT NULL,
      closed_at BIGINT
    );
  CREATE INDEX checkins_by_session ON checkins (session_id, opened_at);
  CREATE TABLE checkin_answers (
      checkin_id TEXT NOT NULL REFERENCES checkins (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      mood BIGINT,
      word TEXT,
      answered_at BIGINT NOT NULL,
      PRIMARY KEY (checkin_id, member_id)
    );
  CREATE INDEX checkin_answers_by_member ON checkin_answers (member_id);
  CREATE TABLE measure_requests (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      measure TEXT NOT NULL,
      sent_at BIGINT NOT NULL,
      sent_by TEXT NOT NULL,
      UNIQUE (session_id, measure)
    );
  CREATE TABLE measure_answers (
      request_id TEXT NOT NULL REFERENCES measure_requests (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      answers TEXT NOT NULL,
      score TEXT NOT NULL,
      band TEXT NOT NULL,
      answered_at BIGINT NOT NULL,
      PRIMARY KEY (request_id, member_id)
    );
  CREATE INDEX measure_answers_by_member ON measure_answers (member_id);
  CREATE TABLE member_goals (
      group_id TEXT NOT NULL REFERENCES groups (id),
      member_id TEXT NOT NULL REFERENCES members (id),
      goals_key TEXT NOT NULL UNIQUE,
      shared_with_facilitators BIGINT NOT NULL DEFAULT 0,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (group_id, member_id)
    );CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END;
  $$;
  CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

`
