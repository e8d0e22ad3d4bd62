import type { ColdJoinRun, WritePattern } from '../scenarios/benchColdJoin.ts'
import { median } from '../stats.ts'
import { fmt, markdownTable } from './markdownTable.ts'

/** Medians over every restart (cold) and every run (warm) of one server and write pattern. */
export function coldJoinMedians(runs: ColdJoinRun[], target: string, pattern: WritePattern) {
  const mine = runs.filter((c) => c.target === target && c.pattern === pattern)
  return {
    cold: median(mine.map((c) => c.coldMs ?? NaN)),
    coldDoc: median(mine.map((c) => c.coldDocMs ?? NaN)),
    warm: median(mine.map((c) => c.warmMs)),
    complete: mine.every((c) => c.complete),
  }
}

export function coldJoinTable(runs: ColdJoinRun[]): string {
  const targets = [...new Set(runs.map((c) => c.target))]
  const patterns = [...new Set(runs.map((c) => c.pattern))]
  const rows = patterns.flatMap((pattern) =>
    targets.map((target) => {
      const m = coldJoinMedians(runs, target, pattern)
      const h = coldJoinMedians(runs, 'hearth', pattern)
      return [
        pattern,
        target,
        fmt(m.cold),
        target === 'hearth' ? '–' : fmt(h.cold / m.cold, 2),
        fmt(m.coldDoc),
        target === 'hearth' ? '–' : fmt(h.coldDoc / m.coldDoc, 2),
        fmt(m.warm),
        target === 'hearth' ? '–' : fmt(h.warm / m.warm, 2),
        m.complete ? 'yes' : 'NO',
      ]
    }),
  )
  return markdownTable(
    [
      'written',
      'server',
      'cold: first join after restart (ms)',
      'Hearth ÷ this',
      'cold document, process warmed by another join (ms)',
      'Hearth ÷ this',
      'warm: join, document in memory (ms)',
      'Hearth ÷ this',
      'all complete',
    ],
    rows,
  )
}
