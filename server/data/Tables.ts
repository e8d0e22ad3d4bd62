import type { Generated } from 'kysely'

/**
 * The relational tables reached through Kysely, as both dialects hold them (issue 21). Tables
 * join this list as their capability moves off raw `node:sqlite` statements; the rest are
 * still read through `Db.sql`. Integers are numbers on both sides (see `postgresData`).
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
}
