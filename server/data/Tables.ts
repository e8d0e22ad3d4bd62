import type { Generated } from 'kysely'

/**
 * The relational tables, as both databases hold them (issue 21): one Kysely query reads either.
 * Integers are numbers on both sides (`postgresPool` reads BIGINT as a number); a new table or
 * column goes into `server/db/migrations.ts`, `pgSchema.ts` and here together.
 */
export interface Tables {
  /** Signed-in sessions: a cookie's token, by its hash (server/auth/logins.ts). */
  logins: {
    token_hash: string
    principal_kind: 'facilitator' | 'member'
    principal_id: string
    created_at: number
    last_seen_at: number
    expires_at: number
    ended_at: number | null
  }
  /** LiveKit webhook ids already handled (server/video/videoWebhookRoutes.ts). */
  video_events: {
    id: string
    received_at: number
  }
  /** Sign-in attempts counted against the throttle (server/auth/loginThrottle.ts). */
  login_failures: {
    id: Generated<number>
    key: string
    at: number
  }
  // The rest of the relational data: the tables of `server/db/migrations.ts`, as SQLite holds
  // them after every step and `pgGraphSchema.ts` makes them on PostgreSQL.
  facilitators: {
    id: string
    email: string
    display_name: string
    password_hash: string
    totp_secret: string | null
    totp_enabled: Generated<number>
    created_at: number
    totp_last_step: Generated<number>
    signal_sound: Generated<number>
  }
  setup_links: {
    token_hash: string
    expires_at: number
    used_at: number | null
  }
  groups: {
    id: string
    name: string
    theme: string
    kind: string
    description: string
    goals: string
    capacity: number
    anonymous_chat: number
    facilitators_see_authors: number
    auto_admit: Generated<number>
    created_at: number
    chat_kept: Generated<number>
    crisis_region: Generated<string>
    video_e2ee: Generated<number>
    checkins_named: Generated<number>
    erased_at: number | null
    erasure_finished_at: number | null
  }
  group_facilitators: {
    group_id: string
    facilitator_id: string
    role: string
  }
  agreements: {
    group_id: string
    version: number
    text: string
    created_at: number
  }
  members: {
    id: string
    group_id: string
    pseudonym: string
    pseudonym_key: string
    colour: string
    passphrase_hash: string | null
    status: string
    created_at: number
    removed_at: number | null
  }
  agreement_acceptances: {
    member_id: string
    version: number
    accepted_at: number
  }
  invitations: {
    id: string
    group_id: string
    token_hash: string
    max_uses: number
    uses: Generated<number>
    expires_at: number
    revoked_at: number | null
    created_by: string
    created_at: number
    member_id: string | null
    label: Generated<string>
  }
  session_series: {
    id: string
    group_id: string
    title: string
    time_zone: string
    local_start: string
    duration_minutes: number
    occurrences: number
  }
  sessions: {
    id: string
    group_id: string
    series_id: string | null
    title: string
    starts_at: number
    duration_minutes: number
    time_zone: string
    status: string
    locked: Generated<number>
    opened_at: number | null
    started_at: number | null
    ended_at: number | null
    presented: string | null
    waiting_message: string | null
    withheld: Generated<string>
    release_days: number | null
    materials_deleted_at: number | null
    chat_locked: Generated<number>
    chat_slow_seconds: Generated<number>
    chat_cleared_at: number | null
    canvas_locked: Generated<number>
  }
  session_attendance: {
    session_id: string
    member_id: string
    state: string
    arrived_at: number
    admitted_at: number | null
    left_at: number | null
  }
  calendar_feeds: {
    token_hash: string
    member_id: string
  }
  audit_log: {
    seq: number
    at: number
    actor_kind: string
    actor_id: string | null
    action: string
    target_kind: string | null
    target_id: string | null
    group_id: string | null
    detail: string
    prev_hash: string
    hash: string
  }
  worksheet_templates: {
    id: string
    owner_id: string
    title: string
    summary: string
    source: string
    content: string
    created_at: number
    updated_at: number
  }
  worksheets: {
    id: string
    session_id: string
    group_id: string
    template_id: string
    title: string
    mode: string
    content: string
    created_by: string
    created_at: number
    homework: Generated<number>
    closed_at: number | null
  }
  worksheet_shares: {
    worksheet_id: string
    member_id: string
    audience: string
    field_id: Generated<string>
    share_key: string
    shared_at: number
  }
  private_copies: {
    worksheet_id: string
    member_id: string
    copy_key: string
  }
  private_lines: {
    session_id: string
    member_id: string
    line_key: string
  }
  silent_signals: {
    id: string
    session_id: string
    member_id: string
    kind: string
    sent_at: number
    seen_at: number | null
    seen_by: string | null
  }
  session_snapshots: {
    id: string
    session_id: string
    worksheet_id: string
    doc: string
    taken_at: number
    data: Uint8Array
    sealed: Generated<number>
  }
  push_subscriptions: {
    id: string
    member_id: string
    endpoint: string
    p256dh: string
    auth: string
    created_at: number
  }
  reminders_sent: {
    subscription_id: string
    session_id: string
    sent_at: number
  }
  deleted_copies: {
    worksheet_id: string
    member_id: string
    deleted_at: number
  }
  decks: {
    id: string
    owner_id: string
    title: string
    created_at: number
  }
  deck_editors: {
    deck_id: string
    facilitator_id: string
  }
  handouts: {
    id: string
    session_id: string
    deck_id: string
    title: string
    created_by: string
    created_at: number
  }
  slide_responses: {
    handout_id: string
    slide_id: string
    member_id: string
    value: string
    answered_at: number
  }
  slide_results_shown: {
    handout_id: string
    slide_id: string
  }
  images: {
    hash: string
    type: string
    size: number
    data: Uint8Array
    created_at: number
    sealed: Generated<number>
  }
  deck_images: {
    deck_id: string
    hash: string
  }
  handout_images: {
    handout_id: string
    hash: string
  }
  chat_messages: {
    id: string
    session_id: string
    seq: number
    at: number
    author: string
    member_id: string | null
    text: string | null
    removed: string | null
    removed_at: number | null
  }
  chat_reactions: {
    message_id: string
    person: string
    reaction: string
  }
  chat_mutes: {
    id: string
    session_id: string
    member_id: string
    named: number
    muted_at: number
    muted_by: string
  }
  crisis_alerts: {
    signal_id: string
    category: string
    source: string
    message_id: string | null
    resources_sent_at: number | null
  }
  canvas_keys: {
    key: string
    session_id: string
    owner_id: string
    kind: string
    created_at: number
  }
  canvas_images: {
    key: string
    hash: string
    created_at: number
  }
  video_identities: {
    identity: string
    session_id: string
    person_id: string
    created_at: number
    removed_at: number | null
  }
  video_attendance: {
    identity: string
    joined_at: number
    left_at: number | null
  }
  video_keys: {
    session_id: string
    generation: number
    key: string
    created_at: number
  }
  checkins: {
    id: string
    session_id: string
    kind: string
    moment: string
    named: number
    opened_at: number
    opened_by: string
    closed_at: number | null
  }
  checkin_answers: {
    checkin_id: string
    member_id: string
    mood: number | null
    word: string | null
    answered_at: number
  }
  measure_requests: {
    id: string
    session_id: string
    measure: string
    sent_at: number
    sent_by: string
  }
  measure_answers: {
    request_id: string
    member_id: string
    answers: string
    score: string
    band: string
    answered_at: number
  }
  member_goals: {
    group_id: string
    member_id: string
    goals_key: string
    shared_with_facilitators: Generated<number>
    created_at: number
  }
}
