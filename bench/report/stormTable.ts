import type { JoinStormRun } from '../scenarios/benchJoinStorm.ts'
import { median } from '../stats.ts'
import { fmt, markdownTable } from './markdownTable.ts'

export function stormMedian(
  runs: JoinStormRun[],
  target: string,
  pick: (s: JoinStormRun) => number,
) {
  return median(runs.filter((s) => s.target === target).map(pick))
}

export function stormTable(runs: JoinStormRun[]): string {
  const m = stormMedian.bind(null, runs)
  const last = (s: JoinStormRun) => s.result.lastMs
  const cpu = (s: JoinStormRun) => s.result.serverCpuMs
  const rows = [...new Set(runs.map((s) => s.target))].map((target) => [
    target,
    `${runs[0]?.result.joinMs.n ?? 0} × ${fmt((runs[0]?.bytes ?? 0) / 2 ** 20, 0)}`,
    fmt(m(target, last), 0),
    target === 'hearth' ? '–' : fmt(m('hearth', last) / m(target, last), 2),
    fmt(
      m(target, (s) => s.result.joinMs.p50),
      0,
    ),
    fmt(m(target, cpu), 0),
    target === 'hearth' ? '–' : fmt(m('hearth', cpu) / m(target, cpu), 2),
    fmt(
      m(target, (s) => s.result.clientCpuMs),
      0,
    ),
    fmt(
      m(target, (s) => s.serverRssMiB),
      0,
    ),
  ])
  return markdownTable(
    [
      'server',
      'clients × MiB',
      'last has all (ms)',
      'Hearth ÷ this',
      'p50 (ms)',
      'server CPU (ms)',
      'Hearth ÷ this',
      'client CPU (ms)',
      'server RSS after (MiB)',
    ],
    rows,
  )
}
