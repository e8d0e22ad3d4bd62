import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TestServer } from './startTestServer.ts'

/** Which of `needles` occur in any file of the database (main file, WAL, shared memory). */
export function foundInDatabase(server: TestServer, needles: string[]): string[] {
  const files = readdirSync(server.dataDir).filter((f) => f.startsWith('hearth.sqlite'))
  const bytes = files.map((f) => readFileSync(join(server.dataDir, f)))
  return needles.filter((n) => bytes.some((b) => b.includes(Buffer.from(n, 'utf8'))))
}
