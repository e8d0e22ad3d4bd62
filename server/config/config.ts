import type { VideoConfig } from '../video/videoConfig.ts'
import { resolve } from 'node:path'
import { z } from 'zod'

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback)

/** Every environment variable Hearth reads, parsed once at start-up (see `.env.example`). */
const envSchema = z.object({
  PORT: int(8787),
  HOST: z.string().default('127.0.0.1'),
  HEARTH_DATA_DIR: z.string().default('data'),
  HEARTH_DB_PATH: z.string().optional(),
  HEARTH_SECRET: z.string().min(32).optional(),
  /** The master key (32 bytes, base64 or hex) that wraps every data key (docs/SECURITY.md). */
  HEARTH_MASTER_KEY: z.string().min(1).optional(),
  /** Or a file holding it, on another volume than the data. */
  HEARTH_MASTER_KEY_FILE: z.string().min(1).optional(),
  /** The wrapped data keys: a file of their own, never in the data's backups. */
  HEARTH_KEYRING_PATH: z.string().optional(),
  /** Encrypted backups of the data: their folder, how many to keep, how often (0: never). */
  HEARTH_BACKUP_DIR: z.string().optional(),
  HEARTH_BACKUP_KEEP: int(14, 1),
  HEARTH_BACKUP_EVERY_HOURS: int(0, 0),
  /** Benchmarks only: store document rows in clear, to measure what sealing them costs. */
  HEARTH_BENCH_UNSEALED: bool.default(false),
  HEARTH_PUBLIC_ORIGIN: z.url().optional(),
  HEARTH_ALLOWED_ORIGINS: z.string().optional(),
  HEARTH_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** PostgreSQL, for several instances sharing one record (docs/DEPLOYMENT.md). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// address')
    .optional(),
  /**
   * The data keys in a PostgreSQL database of their own, for instances on separate hosts
   * (without it they stay in `keys.sqlite` in the data folder). Never the data's database.
   */
  HEARTH_KEYS_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// address')
    .optional(),
  /** Redis, which carries updates, presence and access changes between instances. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// address')
    .optional(),
  HEARTH_MAX_FRAME_BYTES: int(8 * 1024 * 1024, 1024),
  HEARTH_MAX_UPDATE_BYTES: int(4 * 1024 * 1024, 1024),
  HEARTH_MAX_AWARENESS_BYTES: int(64 * 1024, 256),
  HEARTH_MAX_DOC_BYTES: int(64 * 1024 * 1024, 1024),
  HEARTH_MAX_SOCKETS_PER_PERSON: int(32, 1),
  HEARTH_MAX_DOCS_PER_SOCKET: int(64, 1),
  HEARTH_SOCKET_MESSAGE_RATE: int(300, 1),
  HEARTH_SOCKET_MESSAGE_BURST: int(1000, 1),
  HEARTH_UPDATE_RATE: int(100, 1),
  HEARTH_UPDATE_BURST: int(500, 1),
  HEARTH_AWARENESS_RATE: int(30, 1),
  HEARTH_AWARENESS_BURST: int(90, 1),
  HEARTH_COMPACT_ROWS: int(500, 2),
  HEARTH_COMPACT_BYTES: int(1024 * 1024, 1024),
  HEARTH_IDLE_UNLOAD_MS: int(30_000, 0),
  HEARTH_COMMIT_INTERVAL_MS: int(30, 0),
  HEARTH_FACILITATOR_IDLE_MINUTES: int(30, 1),
  HEARTH_MEMBER_IDLE_MINUTES: int(60, 1),
  HEARTH_LOGIN_MAX_HOURS: int(12, 1),
  HEARTH_TRUSTED_PROXIES: z.string().optional(),
  HEARTH_SIGN_IN_RATE: int(20, 1),
  HEARTH_PLAYGROUND: z.enum(['true', 'false', '1', '0', 'force']).default('false'),
  HEARTH_SERVE_CLIENT: bool.default(true),
  HEARTH_CLIENT_DIR: z.string().default('dist/client'),
  /** Origins a push subscription may point at besides the browsers' push services (tests). */
  HEARTH_PUSH_EXTRA_ORIGINS: z.string().optional(),
  /** A JSON file of risk phrases that extends the shipped lists (docs/CRISIS.md). */
  HEARTH_CRISIS_PHRASES: z.string().optional(),
  /** A JSON file of regional crisis lines that replaces the shipped ones per region. */
  HEARTH_CRISIS_RESOURCES: z.string().optional(),
  /** tldraw's licence key: the whiteboard needs one on any origin but localhost. */
  TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
  /** LiveKit, for video: its address (ws:// or wss://) and an API key and secret, all or none. */
  LIVEKIT_URL: z
    .string()
    .regex(/^(wss?|https?):\/\//, 'a ws://, wss://, http:// or https:// address')
    .optional(),
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Who runs this server, for push services (a mailto: or https: address). */
  HEARTH_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/)
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = ReturnType<typeof parseConfig>

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The playground hands a write token for `playground/` documents to anyone who asks, without
 * an account: off unless asked for, and never on a public origin unless forced.
 */
function playgroundSetting(value: string, publicOrigin: string | undefined): boolean {
  if (value === 'force') return true
  if (value !== 'true' && value !== '1') return false
  if (publicOrigin && !LOOPBACK_HOSTS.has(new URL(publicOrigin).hostname)) {
    throw new Error(
      'Invalid configuration:\n  HEARTH_PLAYGROUND: the playground gives anonymous write access;' +
        ` it stays off on a public origin (${publicOrigin}) unless HEARTH_PLAYGROUND=force`,
    )
  }
  return true
}

/** LiveKit's three settings go together: video is on with all of them, off with none. */
function videoSetting(
  url: string | undefined,
  apiKey: string | undefined,
  apiSecret: string | undefined,
): VideoConfig | null {
  if (!url && !apiKey && !apiSecret) return null
  if (!url || !apiKey || !apiSecret) {
    throw new Error(
      'Invalid configuration:\n  LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET go together:' +
        ' set all three for video, or none to run without it',
    )
  }
  return { url: url.replace(/^http/, 'ws'), apiKey, apiSecret }
}

/** Parses the environment; throws a readable error listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>) {
  const result = envSchema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const e = result.data
  if (e.REDIS_URL && !e.DATABASE_URL) {
    // Instances joined by Redis must share one record: each on its own SQLite file would
    // acknowledge updates the others never store.
    throw new Error('Invalid configuration:\n  REDIS_URL: needs DATABASE_URL (a shared PostgreSQL)')
  }
  if (e.HEARTH_KEYS_DATABASE_URL && !e.DATABASE_URL) {
    // The SQLite document store reads its keys synchronously, from the file beside it.
    throw new Error(
      'Invalid configuration:\n  HEARTH_KEYS_DATABASE_URL: needs DATABASE_URL (on SQLite the keys stay in keys.sqlite)',
    )
  }
  if (e.HEARTH_KEYS_DATABASE_URL && sameDatabase(e.HEARTH_KEYS_DATABASE_URL, e.DATABASE_URL!)) {
    throw new Error(
      'Invalid configuration:\n  HEARTH_KEYS_DATABASE_URL: must name another database than DATABASE_URL (a dump of the data must not carry its keys)',
    )
  }
  const playground = playgroundSetting(e.HEARTH_PLAYGROUND, e.HEARTH_PUBLIC_ORIGIN)
  const dataDir = resolve(e.HEARTH_DATA_DIR)
  const publicOrigin = e.HEARTH_PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`
  const allowedOrigins = new Set([
    new URL(publicOrigin).origin,
    ...(e.HEARTH_ALLOWED_ORIGINS?.split(',').map((o) => new URL(o.trim()).origin) ?? []),
  ])
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbPath: e.HEARTH_DB_PATH ?? resolve(dataDir, 'hearth.sqlite'),
    secret: e.HEARTH_SECRET,
    masterKey: { configured: e.HEARTH_MASTER_KEY, file: e.HEARTH_MASTER_KEY_FILE },
    keyRingPath: e.HEARTH_KEYRING_PATH ?? resolve(dataDir, 'keys.sqlite'),
    /** `npm run backup` and, when `everyHours` > 0, the server's own schedule (server/backup/). */
    backup: {
      dir: resolve(e.HEARTH_BACKUP_DIR ?? resolve(dataDir, 'backups')),
      keep: e.HEARTH_BACKUP_KEEP,
      everyHours: e.HEARTH_BACKUP_EVERY_HOURS,
    },
    sealAtRest: !e.HEARTH_BENCH_UNSEALED,
    publicOrigin,
    allowedOrigins,
    /** Without a configured public origin, any loopback origin on the server's own port. */
    allowLoopbackOrigins: e.HEARTH_PUBLIC_ORIGIN === undefined,
    sqliteSynchronous: e.HEARTH_SQLITE_SYNCHRONOUS,
    databaseUrl: e.DATABASE_URL ?? null,
    keysDatabaseUrl: e.HEARTH_KEYS_DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    push: {
      extraOrigins: new Set(
        e.HEARTH_PUSH_EXTRA_ORIGINS?.split(',')
          .map((o) => o.trim())
          .filter(Boolean) ?? [],
      ) as ReadonlySet<string>,
      subject:
        e.HEARTH_VAPID_SUBJECT ??
        (publicOrigin?.startsWith('https:') ? publicOrigin : 'mailto:operator@localhost'),
    },
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY ?? null,
    video: videoSetting(e.LIVEKIT_URL, e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET),
    crisis: {
      ...(e.HEARTH_CRISIS_PHRASES ? { phrasesFile: resolve(e.HEARTH_CRISIS_PHRASES) } : {}),
      ...(e.HEARTH_CRISIS_RESOURCES ? { resourcesFile: resolve(e.HEARTH_CRISIS_RESOURCES) } : {}),
    },
    limits: {
      maxFrameBytes: e.HEARTH_MAX_FRAME_BYTES,
      maxUpdateBytes: e.HEARTH_MAX_UPDATE_BYTES,
      maxAwarenessBytes: e.HEARTH_MAX_AWARENESS_BYTES,
      /** For documents outside the group kinds and the playground (tokens only). */
      maxDocBytes: e.HEARTH_MAX_DOC_BYTES,
      /** Open sockets one signed-in person may hold at once. */
      maxSocketsPerPerson: e.HEARTH_MAX_SOCKETS_PER_PERSON,
      maxDocsPerSocket: e.HEARTH_MAX_DOCS_PER_SOCKET,
      socketMessageRate: {
        perSecond: e.HEARTH_SOCKET_MESSAGE_RATE,
        burst: e.HEARTH_SOCKET_MESSAGE_BURST,
      },
      updateRate: { perSecond: e.HEARTH_UPDATE_RATE, burst: e.HEARTH_UPDATE_BURST },
      awarenessRate: { perSecond: e.HEARTH_AWARENESS_RATE, burst: e.HEARTH_AWARENESS_BURST },
    },
    compaction: { maxRows: e.HEARTH_COMPACT_ROWS, maxBytes: e.HEARTH_COMPACT_BYTES },
    idleUnloadMs: e.HEARTH_IDLE_UNLOAD_MS,
    commitIntervalMs: e.HEARTH_COMMIT_INTERVAL_MS,
    loginPolicy: {
      facilitator: {
        idleMs: e.HEARTH_FACILITATOR_IDLE_MINUTES * 60_000,
        absoluteMs: e.HEARTH_LOGIN_MAX_HOURS * 3_600_000,
      },
      member: {
        idleMs: e.HEARTH_MEMBER_IDLE_MINUTES * 60_000,
        absoluteMs: e.HEARTH_LOGIN_MAX_HOURS * 3_600_000,
      },
    },
    /** Peers whose `X-Forwarded-For` names the real client (reverse proxies). */
    trustedProxies: new Set(
      e.HEARTH_TRUSTED_PROXIES?.split(',')
        .map((a) => a.trim())
        .filter(Boolean) ?? [],
    ) as ReadonlySet<string>,
    playground,
    /** Requests per minute per address to the routes that hash a password (also the burst). */
    signInRate: e.HEARTH_SIGN_IN_RATE,
    serveClient: e.HEARTH_SERVE_CLIENT,
    clientDir: resolve(e.HEARTH_CLIENT_DIR),
    logLevel: e.LOG_LEVEL,
  }
}

/**
 * Whether two PostgreSQL addresses reach the same database (host, port, name), whatever their
 * user or options: a schema of the data's own database would be in every dump of the data.
 */
function sameDatabase(a: string, b: string): boolean {
  const place = (url: string) => {
    const u = new URL(url)
    return `${u.hostname.toLowerCase()}:${u.port || '5432'}/${decodeURIComponent(u.pathname.slice(1))}`
  }
  return place(a) === place(b)
}
