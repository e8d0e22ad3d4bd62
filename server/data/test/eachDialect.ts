import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { throwawaySchema } from '../../db/test/throwawaySchema.ts'
import { openDatabase } from '../../db/openDatabase.ts'
import type { Data } from '../Data.ts'
import { postgresData, sqliteData } from '../openData.ts'
import { preparePgSchema } from '../pgSchema.ts'

export interface OpenedData {
  data: Data
  /**
   * The same database as another instance sees it: on PostgreSQL, its own pool; on SQLite,
   * which one process serves, the same connection.
   */
  another(): Data
  close(): Promise<void>
}

/**
 * The databases a data contract suite runs on: the SQLite file, and a schema of its own in the
 * machine's real PostgreSQL. Each test file calls `describe.each(DIALECTS)`.
 */
export const DIALECTS: { name: string; open(): Promise<OpenedData> }[] = [
  {
    name: 'SQLite',
    open: async () => {
      const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'hearth-data-')), 'hearth.sqlite'))
      const data = sqliteData(db)
      return { data, another: () => data, close: async () => db.close() }
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const schema = await throwawaySchema('data')
      await preparePgSchema(schema.pool)
      const all: Data[] = [postgresData(schema.pool)]
      return {
        data: all[0]!,
        another: () => {
          const other = postgresData(schema.anotherPool())
          all.push(other)
          return other
        },
        close: () => schema.drop(),
      }
    },
  },
]
