import { SAVE_SIGNAL, type DurabilityRun } from '../scenarios/benchDurability.ts'
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
  const rows = [...new Set(runs.map((d) => d.target))].map((target) => {
    const saved = sum(target, (d) => d.saved)
    const relayed = sum(target, (d) => d.relayed)
    return [
      target,
      SAVE_SIGNAL[target] ?? '',
      runs.filter((d) => d.target === target).length,
      sum(target, (d) => d.sent),
      saved,
      saved === 0 ? '–' : sum(target, (d) => d.lost),
      relayed,
      sum(target, (d) => d.relayedLost),
      pct(sum(target, (d) => d.relayedLost) / Math.max(1, relayed)),
      runs.filter((d) => d.target === target && d.lost + d.relayedLost > 0).length,
    ]
  })
  return markdownTable(
    [
      'server',
      'its save signal means',
      'SIGKILLs',
      'edits typed',
      'told saved',
      'told saved, then lost',
      'received by another member',
      'received, then lost',
      'lost share of received',
      'rounds with a loss',
    ],
    rows,
  )
}
