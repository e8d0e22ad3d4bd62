import type { DurabilityRun } from '../scenarios/benchDurability.ts'
import { markdownTable, pct } from './markdownTable.ts'

/** A total over every SIGKILL round of one server. */
export function durabilitySum(
  runs: DurabilityRun[],
  target: string,
  pick: (d: DurabilityRun) => number,
) {
  return runs.filter((d) => d.target === target).reduce((a, d) => a + pick(d), 0)
}

export function durabilityTable(runs: DurabilityRun[]): string {
  const sum = durabilitySum.bind(null, runs)
  const rows = [...new Set(runs.map((d) => d.target))].map((target) => [
    target,
    runs.filter((d) => d.target === target).length,
    sum(target, (d) => d.sent),
    sum(target, (d) => d.saved),
    sum(target, (d) => d.lost),
    pct(
      sum(target, (d) => d.lost) /
        Math.max(
          1,
          sum(target, (d) => d.saved),
        ),
    ),
    runs.filter((d) => d.target === target && d.lost > 0).length,
  ])
  return markdownTable(
    [
      'server',
      'SIGKILLs',
      'edits typed',
      'told saved',
      'told saved, then lost',
      'lost share',
      'rounds with a loss',
    ],
    rows,
  )
}
