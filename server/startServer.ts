import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import { authorizeByGrants, type Authorize } from './access/authorize.ts'
import { authenticateWithDevTokens, SYNC_PROTOCOL } from './auth/authenticateRequest.ts'
import { loadSecret } from './auth/loadSecret.ts'
import { createApp } from './app.ts'
import type { Config } from './config/config.ts'
import type { Logger } from './log/logger.ts'
import type { DocStore } from './store/DocStore.ts'
import { SqliteDocStore } from './store/SqliteDocStore.ts'
import { createUpgradeHandler } from './sync/handleUpgrade.ts'
import { SyncServer } from './sync/SyncServer.ts'

export interface RunningServer {
  port: number
  url: string
  secret: string
  sync: SyncServer
  store: DocStore
  /** Stops accepting, commits everything, closes sockets, then the store. */
  close(): Promise<void>
}

/** Assembles and starts Hearth: HTTP app, sync endpoint and store, on `config.port` (0: any). */
export async function startServer(
  config: Config,
  log: Logger,
  overrides: { store?: DocStore; authorize?: Authorize } = {},
): Promise<RunningServer> {
  const secret = loadSecret(config.secret, config.dataDir)
  const store =
    overrides.store ??
    new SqliteDocStore({ path: config.dbPath, synchronous: config.sqliteSynchronous })
  const sync = new SyncServer({
    store,
    log,
    limits: { ...config.limits, maxBufferedBytes: 4 * config.limits.maxFrameBytes },
    compaction: config.compaction,
    idleUnloadMs: config.idleUnloadMs,
  })
  const app = createApp({
    log,
    sync,
    secret,
    playground: config.playground,
    clientDir: config.serveClient ? config.clientDir : null,
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
    authenticate: authenticateWithDevTokens(secret),
    authorize: overrides.authorize ?? authorizeByGrants,
    allowedOrigins: config.allowedOrigins,
    allowLoopbackOrigins: config.allowLoopbackOrigins,
    log,
  })
  server.on('upgrade', (req, socket, head) => {
    onUpgrade(req, socket, head).catch((error: unknown) => {
      log.error({ err: error }, 'upgrade failed')
      socket.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, resolve)
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${config.host}:${port}`
  log.info({ port, host: config.host, db: config.dbPath }, 'listening')

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      server.close()
      await sync.close()
      wss.close()
      server.closeAllConnections()
      await store.close()
      log.info('stopped')
    })())
  return { port, url, secret, sync, store, close }
}
