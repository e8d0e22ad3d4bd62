import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import { parseCopyAlias, parseGroupDocName } from '../shared/documents/docKinds.ts'
import { parseGoalsDocName } from '../shared/goals/goalsDocNames.ts'
import { chatState } from './chat/chatState.ts'
import { loadCrisisConfig } from './crisis/loadCrisisConfig.ts'
import type { Authorize } from './access/authorize.ts'
import { groupPolicy } from './access/groupPolicy.ts'
import { audit } from './audit/audit.ts'
import { authenticateUpgrade, SYNC_PROTOCOL } from './auth/authenticateRequest.ts'
import { countFacilitators } from './auth/facilitators.ts'
import { loadSecret } from './auth/loadSecret.ts'
import { expireLogins, touchLogins } from './auth/logins.ts'
import { DEFAULT_THROTTLE, pruneFailures } from './auth/loginThrottle.ts'
import { principalFromLogin } from './auth/principalFromLogin.ts'
import { issueSetupLink } from './auth/setupLink.ts'
import { createApp } from './app.ts'
import { systemClock, type Clock } from './clock/clock.ts'
import type { Config } from './config/config.ts'
import { openDatabase, type Db } from './db/openDatabase.ts'
import { lazyData, type DataSource } from './data/Data.ts'
import { openPostgres } from './data/openPostgres.ts'
import { quickCheck } from './db/quickCheck.ts'
import type { Services } from './http/AppEnv.ts'
import { loginTokenFromHeader } from './http/loginCookie.ts'
import type { Logger } from './log/logger.ts'
import type { DocStore } from './store/DocStore.ts'
import type { Fanout, FanoutHandlers } from './fanout/Fanout.ts'
import { localRates } from './limits/localRates.ts'
import type { Rates } from './limits/Rates.ts'
import { openDocStore } from './store/openDocStore.ts'
import { scheduledJobs } from './jobs/scheduledJobs.ts'
import { scheduledBackups } from './backup/scheduledBackups.ts'
import { sharedVapidKeys } from './reminders/sharedVapidKeys.ts'
import { loadVapidKeys } from './reminders/vapid.ts'
import { KeyRing } from './crypto/keyRing.ts'
import type { Keys } from './crypto/Keys.ts'
import { loadMasterKey } from './crypto/masterKey.ts'
import { sealStoredRecords } from './crypto/sealStoredRecords.ts'
import { sealStoredSecrets } from './crypto/totpSecrets.ts'
import { docByteCap } from './sync/docByteCap.ts'
import { createUpgradeHandler } from './sync/handleUpgrade.ts'
import { WARM_UP_DOC, warmUpSync } from './sync/warmUp.ts'
import { SyncServer } from './sync/SyncServer.ts'
import { answerMirror } from './worksheets/answerMirror.ts'
import { resolveCopyAlias } from './worksheets/privateCopies.ts'
import { worksheetSeeder } from './worksheets/seedWorksheet.ts'

export interface RunningServer {
  port: number
  url: string
  secret: string
  sync: SyncServer
  store: DocStore
  db: Db
  services: Services
  /** Every HTTP route, for the authorization matrix test. */
  routes: { method: string; path: string }[]
  /** The one-time link that creates the first facilitator, while there is none; else null. */
  setupLink: string | null
  /** Ends logins past their limits and closes their sockets; runs every minute on its own. */
  sweepLogins(): Promise<void>
  /** The scheduled jobs (retention, reminders); run every minute on their own, and by tests. */
  runJobs(): Promise<void>
  /** Takes a backup when one is due (HEARTH_BACKUP_EVERY_HOURS); checked every minute. */
  runBackups(): Promise<void>
  /** Stops accepting, commits everything, closes sockets, then the stores. */
  close(): Promise<void>
}

const SWEEP_MS = 60_000

/** Assembles and starts Hearth: HTTP app, sync endpoint and stores, on `config.port` (0: any). */
export async function startServer(
  config: Config,
  log: Logger,
  overrides: {
    store?: DocStore
    authorize?: Authorize
    now?: Clock
    /** Joins this instance to others through this fanout instead of `REDIS_URL` (tests). */
    link?: (handlers: FanoutHandlers) => Fanout
  } = {},
): Promise<RunningServer> {
  const secret = loadSecret(config.secret, config.dataDir)
  const now = overrides.now ?? systemClock
  const masterKey = () => loadMasterKey({ ...config.masterKey, dataDir: config.dataDir }, log)
  // Instances on separate hosts share their keys through a database of their own; one host
  // keeps them in a file beside the data. Loaded only when configured (it brings in `pg`).
  const sharedKeys = config.keysDatabaseUrl
    ? await (
        await import('./crypto/pgKeyRing.ts')
      ).PgKeyRing.open({
        url: config.keysDatabaseUrl,
        master: masterKey(),
        now,
        log,
        reloadMaster: masterKey,
      })
    : null
  const keys: Keys = sharedKeys ?? new KeyRing(config.keyRingPath, masterKey(), now, masterKey)
  const postgres = config.databaseUrl ? await openPostgres(config.databaseUrl, log) : null
  const store = overrides.store ?? (await openDocStore(config, keys, log, postgres?.pool ?? null))
  if (!config.sealAtRest) {
    log.error('HEARTH_BENCH_UNSEALED: documents are stored in clear; for benchmarks only')
  }
  const db = openDatabase(config.dbPath)
  if (!postgres && keys instanceof KeyRing) {
    // Installs older than sealing at rest were all on SQLite: their clear rows are sealed here,
    // before anything is served. A PostgreSQL install has always sealed.
    sealStoredSecrets(db, keys, log)
    sealStoredRecords(db, keys, log)
  }
  const databaseCheck = quickCheck(db.sql)
  if (databaseCheck.ok) log.info({ ms: databaseCheck.ms }, 'database check passed')
  else log.error({ problems: databaseCheck.problems }, 'database check found problems')
  // The relational data: PostgreSQL when there is one (every instance sees the same), else the
  // SQLite file. Kysely loads on first use.
  const data: DataSource = postgres
    ? () => Promise.resolve(postgres.data)
    : lazyData(async () => (await import('./data/openData.ts')).sqliteData(db))
  const authorize = overrides.authorize ?? groupPolicy(data, now)
  const sync = new SyncServer({
    store,
    log,
    limits: { ...config.limits, maxBufferedBytes: 4 * config.limits.maxFrameBytes },
    compaction: config.compaction,
    idleUnloadMs: config.idleUnloadMs,
    commitIntervalMs: config.commitIntervalMs,
    seed: worksheetSeeder(data, keys),
    maxBytes: docByteCap(config.limits.maxDocBytes),
    // Who types in the chat is the server's to tell (as the identity policy allows).
    serverPresence: (name) => parseGroupDocName(name)?.kind === 'chat',
    authorize,
  })
  // Behind several instances the limits must be counted together, or each would give its own.
  const rates: Rates = config.redisUrl
    ? await (
        await import('./limits/redisRates.ts')
      ).redisRates(config.redisUrl, { secret, now, log })
    : localRates(now)
  const services: Services = {
    db,
    data,
    log,
    sync,
    now,
    loginPolicy: config.loginPolicy,
    throttle: DEFAULT_THROTTLE,
    publicOrigin: config.publicOrigin,
    trustedProxies: config.trustedProxies,
    authorize,
    push: {
      keys: sharedKeys ? await sharedVapidKeys(sharedKeys) : loadVapidKeys(config.dataDir),
      ...config.push,
    },
    crisis: loadCrisisConfig(config.crisis),
    chat: chatState(sync),
    tldrawLicenseKey: config.tldrawLicenseKey,
    video: config.video,
    keys,
    rates,
  }
  sync.onChanged = answerMirror(services)
  if (overrides.link) await sync.link(overrides.link)
  else if (config.redisUrl) {
    const redisUrl = config.redisUrl
    const { RedisFanout } = await import('./fanout/RedisFanout.ts')
    await sync.link((handlers) => RedisFanout.connect(redisUrl, handlers, log))
  }
  const app = createApp(services, {
    secret,
    playground: config.playground,
    clientDir: config.serveClient ? config.clientDir : null,
    allowedOrigins: config.allowedOrigins,
    allowLoopbackOrigins: config.allowLoopbackOrigins,
    signInRate: config.signInRate,
    databaseCheck,
  })
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.limits.maxFrameBytes,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(SYNC_PROTOCOL) ? SYNC_PROTOCOL : false),
  })
  const server: Server = createServer(getRequestListener(app.fetch))
  const onUpgrade = createUpgradeHandler({
    sync,
    wss,
    authenticate: authenticateUpgrade(secret, services.now, (header) => {
      const token = loginTokenFromHeader(header, config.publicOrigin)
      return token ? principalFromLogin(services, token) : Promise.resolve(null)
    }),
    authorize: services.authorize,
    allowedOrigins: config.allowedOrigins,
    allowLoopbackOrigins: config.allowLoopbackOrigins,
    log,
    now: services.now,
    // Only an alias needs the data (and Kysely loaded): not the warm-up before listening.
    resolve: (name) =>
      parseCopyAlias(name) ? data().then((data) => resolveCopyAlias(data, name)) : name,
    maxSocketsPerPerson: config.limits.maxSocketsPerPerson,
    mux: {
      maxChannels: config.limits.maxDocsPerSocket,
      messageRate: config.limits.socketMessageRate,
      maxBufferedBytes: 4 * config.limits.maxFrameBytes,
    },
    onOpened: (principal, doc) => {
      if (principal.kind === 'token') return
      const groupId = parseGroupDocName(doc)?.groupId ?? parseGoalsDocName(doc)?.groupId ?? null
      const entry = {
        actor: principal,
        action: 'document.opened',
        target: { kind: 'document', id: doc },
        groupId,
      } as const
      const at = services.now()
      data()
        .then((data) => audit(data, entry, at))
        .catch((error: unknown) => log.error({ err: error, doc }, 'audit of an opening failed'))
    },
  })
  server.on('upgrade', (req, socket, head) => {
    onUpgrade(req, socket, head).catch((error: unknown) => {
      log.error({ err: error }, 'upgrade failed')
      socket.destroy()
    })
  })

  const sweepLogins = async () => {
    const now = services.now()
    // An open socket is activity: a member listening through a whole session stays signed in.
    const open = new Set<string>()
    for (const connection of sync.connections()) {
      if (connection.principal.kind !== 'token') open.add(connection.principal.loginHash)
    }
    await touchLogins(await services.data(), open, now)
    const ended = await expireLogins(await services.data(), (kind) => config.loginPolicy[kind], now)
    if (ended.length > 0) {
      sync.closeLogins(ended)
      log.info({ logins: ended.length }, 'logins expired')
    }
    await pruneFailures(await services.data(), services.throttle, now)
  }
  const jobs = scheduledJobs(services)
  // On a worker thread: the loop keeps serving sockets while the database is copied.
  const backups = scheduledBackups({
    dbPath: config.dbPath,
    ...config.backup,
    key: () => keys.key('backup'),
    now: services.now,
    log,
  })
  const sweeper = setInterval(() => {
    sweepLogins().catch((error: unknown) => log.error({ err: error }, 'sweeping logins failed'))
    void jobs.run()
    void backups.runIfDue()
  }, SWEEP_MS)
  sweeper.unref()

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, resolve)
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${config.host}:${port}`
  await warmUpSync({ host: config.host, port, secret, log, now: services.now })
  await sync.unloadNow(WARM_UP_DOC)
  // Without a configured public origin, links point at this machine's own port.
  if (config.allowLoopbackOrigins) services.publicOrigin = `http://localhost:${port}`
  log.info({ port, host: config.host, db: config.dbPath }, 'listening')
  let setupLink: string | null = null
  if ((await countFacilitators(await data())) === 0) {
    // The operator's way in: printed, never stored in clear, valid for a day.
    setupLink = await issueSetupLink(await data(), services.publicOrigin, services.now())
    log.info({ setupLink }, 'no facilitator yet: open this link to create the first one')
  }

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweeper)
      await jobs.settle()
      await backups.settle()
      server.close()
      await sync.close()
      wss.close()
      server.closeAllConnections()
      await store.close()
      await postgres?.pool.end()
      await rates.close()
      db.close()
      await keys.close()
      log.info('stopped')
    })())
  const routes = app.routes
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
    .map(({ method, path }) => ({ method, path }))
  return {
    port,
    url,
    secret,
    sync,
    store,
    db,
    services,
    routes,
    setupLink,
    sweepLogins,
    runJobs: jobs.run,
    runBackups: backups.runIfDue,
    close,
  }
}
