import { onPostgres } from '../data/Data.ts'
import { foundInDatabase } from './foundInDatabase.ts'
import type { TestServer } from './startTestServer.ts'
import { storedRows } from './storedRows.ts'

/**
 * Which of `needles` someone who took the stored data could read as they are. On SQLite, the
 * bytes of the database file, its log and shared memory (`foundInDatabase`), free pages
 * included. On PostgreSQL, whose files are not the server's to read, every value of every row
 * of the server's schema, read through records.
 */
export async function foundAtRest(server: TestServer, needles: string[]): Promise<string[]> {
  if (!onPostgres(await server.services.data())) return foundInDatabase(server, needles)
  const values = (await storedRows(server)).flatMap(({ row }) => Object.values(row))
  const holds = (value: unknown, needle: string) =>
    value instanceof Uint8Array
      ? Buffer.from(value).includes(needle)
      : typeof value === 'string' && value.includes(needle)
  return needles.filter((n) => values.some((v) => holds(v, n)))
}
