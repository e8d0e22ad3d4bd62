import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { signDevToken } from '../auth/devToken.ts'
import type { Clock } from '../clock/clock.ts'
import { parseConfig } from '../config/config.ts'
import { createLogger } from '../log/logger.ts'
import { startServer, type RunningServer } from '../startServer.ts'
import type { Authorize } from '../access/authorize.ts'
import type { DocStore } from '../store/DocStore.ts'
import type { Fanout, FanoutHandlers } from '../fanout/Fanout.ts'

export interface TestServer extends RunningServer {
  dataDir: string
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[]
  /** A token for the given grants (default: write on everything). */
  token(grants?: { prefix: string; access: 'write' | 'read' }[], id?: string): string
  /** The ws:// base URL for providers. */
  wsUrl: string
}

/** Starts a real server on port 0 with its own data folder, capturing its logs. */
export async function startTestServer(
  env: Record<string, string> = {},
  overrides: {
    store?: DocStore
    authorize?: Authorize
    dataDir?: string
    now?: Clock
    link?: (handlers: FanoutHandlers) => Fanout
  } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'hearth-test-'))
  const config = parseConfig({
    PORT: '0',
    HEARTH_DATA_DIR: dataDir,
    HEARTH_SERVE_CLIENT: 'false',
    LOG_LEVEL: 'debug',
    ...env,
  })
  const logs: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line))
      done()
    },
  })
  const { dataDir: _dataDir, ...serverOverrides } = overrides
  const server = await startServer(config, createLogger(config.logLevel, sink), serverOverrides)
  return {
    ...server,
    dataDir,
    logs,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    token: (
      grants = [{ prefix: '', access: 'write' }],
      id = `t_${Math.random().toString(36).slice(2)}`,
    ) => signDevToken(server.secret, { id, grants, expiresAt: server.services.now() + 3_600_000 }),
  }
}
