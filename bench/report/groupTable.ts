import type { GroupRun } from '../scenarios/benchGroup.ts'
import { median } from '../stats.ts'
import { fmt, markdownTable, pct } from './markdownTable.ts'

type Pick = (g: GroupRun['result']) => number

/** Median over the runs of Hearth's own latency (apply → relay written, apply → ack sent). */
function serverLatency(runs: GroupRun[], rooms: number, target: string): string {
  const here = runs.filter((g) => g.rooms === rooms && g.target === target && g.serverLatency)
  if (here.length === 0) return '–'
  const m = (pick: (r: NonNullable<GroupRun['serverLatency']>) => number | undefined) =>
    median(here.map((g) => pick(g.serverLatency!) ?? NaN))
  return (
    `${fmt(
      m((r) => r.relay?.p50),
      2,
    )} / ${fmt(
      m((r) => r.relay?.p99),
      2,
    )}; ` +
    `${fmt(
      m((r) => r.durable?.p50),
      1,
    )} / ${fmt(
      m((r) => r.durable?.p99),
      1,
    )}`
  )
}

/** The median over runs of one figure of Hearth's own latency report. */
export function serverMedian(
  runs: GroupRun[],
  rooms: number,
  target: string,
  pick: (r: NonNullable<GroupRun['serverLatency']>) => number | undefined,
): number {
  const here = runs.filter((g) => g.rooms === rooms && g.target === target && g.serverLatency)
  return median(here.map((g) => pick(g.serverLatency!) ?? NaN))
}

/** What other processes used of a core during the window: its busy share less ours. */
const othersOn =
  (core: number): Pick =>
  (g) =>
    (g.coreBusy[core] ?? NaN) - (core === 0 ? g.serverCoreUse : g.clientCoreUse)

/** The median of one figure over the runs of one server at one room count. */
export function groupMedian(runs: GroupRun[], rooms: number, target: string, pick: Pick): number {
  return median(
    runs.filter((g) => g.rooms === rooms && g.target === target).map((g) => pick(g.result)),
  )
}

/** One row per room count and server: medians over runs, and Hearth's CPU ratio to each peer. */
export function groupTable(runs: GroupRun[]): string {
  const rows = [...new Set(runs.map((g) => g.rooms))].flatMap((rooms) =>
    [...new Set(runs.filter((g) => g.rooms === rooms).map((g) => g.target))].map((target) => {
      const m = (pick: Pick) => groupMedian(runs, rooms, target, pick)
      const us = m((g) => g.serverCpuUsPerDelivery)
      const hearthUs = groupMedian(runs, rooms, 'hearth', (g) => g.serverCpuUsPerDelivery)
      const fanout = [m((g) => g.fanoutMs.p50), m((g) => g.fanoutMs.p95), m((g) => g.fanoutMs.p99)]
      const worst = Math.min(
        ...runs
          .filter((g) => g.rooms === rooms && g.target === target)
          .map((g) => g.result.completeness),
      )
      return [
        rooms,
        target,
        [...fanout, m((g) => g.fanoutMs.max)].map((x) => fmt(x)).join(' / '),
        target.startsWith('y-websocket')
          ? '–'
          : `${fmt(m((g) => g.saveMs?.p50 ?? NaN))} / ${fmt(m((g) => g.saveMs?.p99 ?? NaN))}`,
        fmt(us),
        target === 'hearth' ? '–' : fmt(hearthUs / us, 2),
        serverLatency(runs, rooms, target),
        pct(m((g) => g.serverCoreUse)),
        pct(m((g) => g.clientCoreUse)),
        `${pct(m(othersOn(0)))} / ${pct(m(othersOn(1)))}`,
        pct(m((g) => g.editRate)),
        fmt(
          m((g) => g.serverRssMiB),
          0,
        ),
        pct(worst),
      ]
    }),
  )
  return markdownTable(
    [
      'rooms',
      'server',
      'fan-out p50 / p95 / p99 / max (ms)',
      'saved p50 / p99 (ms)',
      'server CPU µs / delivery',
      'Hearth ÷ this',
      'in the server: apply → relay p50 / p99; apply → ack p50 / p99 (ms)',
      'server core',
      'client core',
      'other processes on core 0 / 1',
      'edits made',
      'server RSS (MiB)',
      'complete (worst run)',
    ],
    rows,
  )
}
