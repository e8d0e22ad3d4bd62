import type { Data } from '../../data/Data.ts'
import type { OpenedData } from '../../data/test/eachDialect.ts'

/**
 * `n` instances of the same database (on SQLite, the one connection), each connected before a
 * race starts: otherwise the time a new pool takes to connect spaces the racers out, and a
 * guard that is missing may go unnoticed.
 */
export async function warmInstances(opened: OpenedData, n: number): Promise<Data[]> {
  const all = [opened.data, ...Array.from({ length: n - 1 }, () => opened.another())]
  await Promise.all(all.map((data) => data.selectFrom('sessions').select('id').execute()))
  return all
}
