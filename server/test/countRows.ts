import type { Tables } from '../data/Tables.ts'
import type { TestServer } from './startTestServer.ts'

/** How many rows the server's `table` holds, read through records (either database). */
export async function countRows(server: TestServer, table: keyof Tables): Promise<number> {
  const records = await server.services.data()
  const { n } = await records
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}
