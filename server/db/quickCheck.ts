import type { DatabaseSync } from 'node:sqlite'

export interface QuickCheck {
  ok: boolean
  /** SQLite's own lines about what is wrong (at most 20), empty when sound. */
  problems: string[]
  ms: number
}

/**
 * SQLite's `PRAGMA quick_check` (structure, not every index entry): run once at start-up so
 * that a damaged database file is named in the log and in health before anyone opens a sheet.
 */
export function quickCheck(sql: DatabaseSync): QuickCheck {
  const started = performance.now()
  let problems: string[]
  try {
    const rows = sql.prepare('PRAGMA quick_check(20)').all() as { quick_check: string }[]
    problems = rows.map((r) => r.quick_check).filter((line) => line !== 'ok')
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)]
  }
  return { ok: problems.length === 0, problems, ms: Math.round(performance.now() - started) }
}
