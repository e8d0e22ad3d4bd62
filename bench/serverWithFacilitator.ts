import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFacilitator } from '../server/auth/facilitators.ts'
import { sqliteData } from '../server/data/openData.ts'
import { openDatabase } from '../server/db/openDatabase.ts'
import { spawnServer, type ServerProcess } from '../server/test/spawnServer.ts'

export const BENCH_FACILITATOR = {
  email: 'lead@clinic.example',
  password: 'lantern-orchard-velvet-9',
}

/**
 * A Hearth server process on a fresh data folder that already holds one facilitator account
 * (`BENCH_FACILITATOR`), for the benchmarks that act as people over HTTP.
 */
export async function serverWithFacilitator(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'))
  const db = openDatabase(join(dataDir, 'hearth.sqlite'))
  const data = sqliteData(db)
  await createFacilitator(
    data,
    { ...BENCH_FACILITATOR, displayName: 'Dr Lead' },
    { kind: 'system', id: null },
    Date.now(),
  )
  await data.destroy()
  db.close()
  return spawnServer({ dataDir, env })
}
