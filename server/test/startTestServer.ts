import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { signDevToken } from '../auth/devToken.ts'
import { schemaUrl, TEST_KEYS_DATABASE_URL } from '../db/test/throwawaySchema.ts'
import { onPostgresPass, passSchema } from './postgresPass.ts'
import type { Clock } from '../clock/clock.ts'
import { parseConfig } from '../config/config.ts'
import { createLogger } from '../log/logger.ts'
import { startServer, type RunningServer } from '../startServer.ts'
import type { Authorize } from '../access/authorize.ts'
import type { DocStore } from '../store/DocStore.ts'
import type { Fanout, FanoutHandlers } from '../fanout/Fanout.ts'

export interface TestServer extends RunningServer {
  dataDir: string
  /** The PostgreSQL schema holding its data on the PostgreSQL pass; null on SQLite. */
  pgSchema: string | null
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[]
  /** A token for the given grants (default: write on everything). */
  token(grants?: { prefix: string; access: 'write' | 'read' }[], id?: string): string
  /** The ws:// base URL for providers. */
  wsUrl: string
}

/**
 * Starts a real server on port 0 with its own data folder, capturing its logs. With
 * `HEARTH_TEST_DATABASE=postgres` (`npm run test:unit:postgres`), its documents and relational
 * data live in PostgreSQL instead (server/test/postgresPass.ts): every server test runs on both.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  overrides: {
    store?: DocStore
    authorize?: Authorize
    dataDir?: string
    now?: Clock
    link?: (handlers: FanoutHandlers) => Fanout
    /** The test is about the SQLite file itself (legacy rows, its pages): never PostgreSQL. */
    sqliteFile?: boolean
    /** The test is about the file key ring (`keys.sqlite`): not the keys database. */
    fileKeys?: boolean
  } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'hearth-test-'))
  const schema =
    onPostgresPass() && !env.DATABASE_URL && !overrides.sqliteFile
      ? await passSchema(dataDir)
      : null
  const config = parseConfig({
    PORT: '0',
    HEARTH_DATA_DIR: dataDir,
    HEARTH_SERVE_CLIENT: 'false',
    LOG_LEVEL: 'debug',
    ...(schema
      ? {
          DATABASE_URL: schemaUrl(schema),
          ...(!overrides.fileKeys && {
            HEARTH_KEYS_DATABASE_URL: schemaUrl(schema, TEST_KEYS_DATABASE_URL),
          }),
        }
      : {}),
    ...env,
  })
  const logs: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line))
      done()
    },
  })
  const {
    dataDir: _dataDir,
    sqliteFile: _sqliteFile,
    fileKeys: _fileKeys,
    ...serverOverrides
  } = overrides
  const server = await startServer(config, createLogger(config.logLevel, sink), serverOverrides)
  return {
    ...server,
    pgSchema: schema,
    dataDir,
    logs,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    token: (
      grants = [{ prefix: '', access: 'write' }],
      id = `t_${Math.random().toString(36).slice(2)}`,
    ) => signDevToken(server.secret, { id, grants, expiresAt: server.services.now() + 3_600_000 }),
  }
}
