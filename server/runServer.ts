import { parseConfig } from './config/config.ts'
import { createLogger } from './log/logger.ts'
import { reclaimWhenQuiet } from './process/reclaimMemory.ts'
import { startServer } from './startServer.ts'

/** The server process: started by `server/main.js`; configuration comes from the environment. */
const config = parseConfig(process.env)
const log = createLogger(config.logLevel)
const server = await startServer(config, log)
// Memory grown by loading modules or by a session goes back once the server is quiet.
reclaimWhenQuiet({ activity: () => server.sync.activity, log })
const origin = server.services.publicOrigin
log.info({ url: `${origin}/` }, 'Hearth is running')
// One plain line for the person who started it (stderr: stdout stays JSON for log tools).
process.stderr.write(
  server.setupLink
    ? `\nHearth is running at ${origin}/ — no facilitator account yet: open ${server.setupLink}` +
        ` within 24 hours to create the first one (or run: npm run facilitator -- --email you@clinic.example --name "Dr You").\n\n`
    : `\nHearth is running at ${origin}/ — facilitators sign in at ${origin}/login.\n\n`,
)

// `kill -USR2 <pid>`: one log line with the server's own sync latency since the last one.
process.on('SIGUSR2', () => {
  const { relay, durable } = server.sync.latency
  log.info({ relay: relay.takeSummary(), durable: durable.takeSummary() }, 'sync latency')
})

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
