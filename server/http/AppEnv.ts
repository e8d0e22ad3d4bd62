import type { Authorize } from '../access/authorize.ts'
import type { Keys } from '../crypto/Keys.ts'
import type { Principal } from '../auth/Principal.ts'
import type { LoginPolicy } from '../auth/logins.ts'
import type { ThrottlePolicy } from '../auth/loginThrottle.ts'
import type { Clock } from '../clock/clock.ts'
import type { DataSource } from '../data/Data.ts'
import type { Db } from '../db/openDatabase.ts'
import type { Logger } from '../log/logger.ts'
import type { SyncServer } from '../sync/SyncServer.ts'
import type { VapidKeys } from '../reminders/vapid.ts'
import type { ChatState } from '../chat/chatState.ts'
import type { CrisisConfig } from '../crisis/loadCrisisConfig.ts'
import type { VideoConfig } from '../video/videoConfig.ts'
import type { Rates } from '../limits/Rates.ts'

/** What every route handler can reach. Passed explicitly; there is no global state. */
export interface Services {
  db: Db
  /**
   * The relational data through Kysely (server/data/): the SQLite file, or PostgreSQL when
   * `DATABASE_URL` is set. Kysely loads on first use.
   */
  data: DataSource
  log: Logger
  sync: SyncServer
  /** The clock; tests move it to prove automatic logoff. */
  now: Clock
  loginPolicy: Record<'facilitator' | 'member', LoginPolicy>
  throttle: ThrottlePolicy
  publicOrigin: string
  /** Reverse proxies whose `X-Forwarded-For` is believed (see `clientAddress`). */
  trustedProxies: ReadonlySet<string>
  /** The document access policy, for re-deciding open sockets after a change. */
  authorize: Authorize
  /** Web Push: the server's VAPID keys, who it says it is, and test push services. */
  push: { keys: VapidKeys; subject: string; extraOrigins: ReadonlySet<string> }
  /** Risk phrases and regional crisis lines: the shipped lists, extended by the deployment. */
  crisis: CrisisConfig
  /** What the chat keeps in memory only (who types; unlinked anonymous writers). */
  chat: ChatState
  /** The tldraw licence key the whiteboard needs beyond localhost, or null. */
  tldrawLicenseKey: string | null
  /** LiveKit, when video is set up; null: the room runs without video. */
  video: VideoConfig | null
  /** The data keys (wrapped by the master key) that seal what is stored. */
  keys: Keys
  /**
   * The limits on what people do by hand (sign-ins per address, messages, signals, uploads,
   * the chat's slow mode): in Redis with `REDIS_URL`, shared by every instance; else in memory.
   */
  rates: Rates
}

export interface AppEnv {
  Variables: {
    requestId: string
    principal: Principal | null
  }
}
