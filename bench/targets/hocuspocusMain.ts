import { Server } from '@hocuspocus/server'
import { sqliteDatabase } from './sqliteDatabase.ts'

/**
 * A Hocuspocus 4 server process for the benchmark: its default configuration, listening on
 * 127.0.0.1 at a free port. With BENCH_HOCUSPOCUS_DB set, its Database extension stores to that
 * SQLite file at the default debounce (2 s, at most 10 s). Prints one JSON line with the port.
 */
const dbPath = process.env.BENCH_HOCUSPOCUS_DB
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  extensions: dbPath ? [sqliteDatabase(dbPath)] : [],
})
await server.listen()
process.stdout.write(`${JSON.stringify({ msg: 'listening', port: server.address.port })}\n`)
