import type { GroupRun } from '../scenarios/benchGroup.ts'
import { groupMedian } from './groupTable.ts'
import { fmt, markdownTable } from './markdownTable.ts'

const ONE = 'hearth, postgresql'

/**
 * Several instances beside one (issue 21), on the same workload and the same PostgreSQL: the
 * server side's CPU (every instance, Redis and PostgreSQL together), its ratio to one
 * instance, and the latencies a member sees. Members of a room are split across instances,
 * so most deliveries cross Redis, and another instance relays an update once it is stored.
 */
export function instancesTable(runs: GroupRun[]): string {
  const rooms = runs.find((r) => r.target === ONE)?.rooms
  if (rooms === undefined) return 'Not run.'
  const targets = [...new Set(runs.filter((r) => r.rooms === rooms).map((r) => r.target))].filter(
    (t) => t.startsWith('hearth') && t.includes('postgresql'),
  )
  const oneUs = groupMedian(runs, rooms, ONE, (g) => g.serverCpuUsPerDelivery)
  return markdownTable(
    [
      'rooms',
      'server side',
      'CPU µs / delivery (instances + Redis + PostgreSQL)',
      '÷ one instance',
      'fan-out p50 / p99 (ms)',
      'saved p50 / p99 (ms)',
      'server side cores busy',
    ],
    targets.map((target) => {
      const m = (pick: (g: GroupRun['result']) => number) => groupMedian(runs, rooms, target, pick)
      const us = m((g) => g.serverCpuUsPerDelivery)
      return [
        rooms,
        target,
        fmt(us),
        fmt(us / oneUs, 2),
        `${fmt(m((g) => g.fanoutMs.p50))} / ${fmt(m((g) => g.fanoutMs.p99))}`,
        `${fmt(m((g) => g.saveMs?.p50 ?? Number.NaN))} / ${fmt(m((g) => g.saveMs?.p99 ?? Number.NaN))}`,
        fmt(
          m((g) => g.serverCoreUse),
          2,
        ),
      ]
    }),
  )
}
