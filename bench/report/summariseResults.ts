import type { ColdJoinRun } from '../scenarios/benchColdJoin.ts'
import type { DurabilityRun } from '../scenarios/benchDurability.ts'
import type { FootprintRun } from '../scenarios/benchFootprint.ts'
import type { GroupRun } from '../scenarios/benchGroup.ts'
import type { JoinStormRun } from '../scenarios/benchJoinStorm.ts'
import { coldJoinMedians, coldJoinTable } from './coldJoinTable.ts'
import { durabilitySum, durabilityTable } from './durabilityTable.ts'
import { footprintTable, footprintTargets } from './footprintTable.ts'
import { groupMedian, groupTable, serverMedian } from './groupTable.ts'
import { fmt, markdownTable } from './markdownTable.ts'
import { stormMedian, stormTable } from './stormTable.ts'

export interface Results {
  group: { runs: GroupRun[]; stoppedBecause: string }
  coldJoin: ColdJoinRun[]
  storm: JoinStormRun[]
  durability: DurabilityRun[]
  footprint: FootprintRun[]
}

/** The tables of every section and the verdict on each target of issues #3 and #20. */
export function summariseResults(r: Results, targetRooms: number) {
  const g = r.group.runs
  const cpuRatio =
    groupMedian(g, targetRooms, 'hearth', (x) => x.serverCpuUsPerDelivery) /
    groupMedian(g, targetRooms, 'hocuspocus', (x) => x.serverCpuUsPerDelivery)
  const p99 = groupMedian(g, targetRooms, 'hearth', (x) => x.fanoutMs.p99)
  const coldRatio = (pattern: 'paced' | 'burst') =>
    coldJoinMedians(r.coldJoin, 'hearth', pattern).cold /
    coldJoinMedians(r.coldJoin, 'hocuspocus+sqlite', pattern).cold
  const sealedAt = r.group.runs.find((x) => x.target === 'hearth, unsealed')?.rooms ?? targetRooms
  const sealCpu =
    groupMedian(g, sealedAt, 'hearth', (x) => x.serverCpuUsPerDelivery) /
    groupMedian(g, sealedAt, 'hearth, unsealed', (x) => x.serverCpuUsPerDelivery)
  const sealAck =
    serverMedian(g, sealedAt, 'hearth', (l) => l.durable?.p50) /
    serverMedian(g, sealedAt, 'hearth, unsealed', (l) => l.durable?.p50)
  const lost = durabilitySum(r.durability, 'hearth', (d) => d.lost)
  const last = stormMedian(r.storm, 'hearth', (s) => s.result.lastMs)
  const targets = [
    {
      target: `server CPU per delivered update at ${targetRooms} rooms ≤ 0.5 × Hocuspocus`,
      value: fmt(cpuRatio, 2),
      met: cpuRatio <= 0.5,
    },
    {
      target: `p99 fan-out at ${targetRooms} rooms ≤ 20 ms`,
      value: `${fmt(p99)} ms`,
      met: p99 <= 20,
    },
    {
      target: 'acknowledged edits lost across all SIGKILLs = 0',
      value: String(lost),
      met: lost === 0 && r.durability.length > 0,
    },
    ...[...new Set(r.coldJoin.map((c) => c.pattern))].map((pattern) => ({
      target: `cold join (${pattern}-written document) ≤ 0.5 × Hocuspocus`,
      value: fmt(coldRatio(pattern), 2),
      met: coldRatio(pattern) <= 0.5,
    })),
    {
      target: `sealed at rest, server CPU per delivered update at ${sealedAt} rooms ≤ 1.10 × unsealed`,
      value: fmt(sealCpu, 2),
      met: sealCpu <= 1.1,
    },
    {
      target: `sealed at rest, durable-ack latency (p50) at ${sealedAt} rooms ≤ 1.10 × unsealed`,
      value: fmt(sealAck, 2),
      met: sealAck <= 1.1,
    },
    {
      target: 'join storm: last client has the state ≤ 1 s (median)',
      value: `${fmt(last, 0)} ms`,
      met: last <= 1000,
    },
    ...footprintTargets(r.footprint),
  ]
  return {
    group: groupTable(g),
    coldJoin: coldJoinTable(r.coldJoin),
    storm: stormTable(r.storm),
    durability: durabilityTable(r.durability),
    footprint: footprintTable(r.footprint),
    verdict: markdownTable(
      ['target', 'Hearth', 'met'],
      targets.map((t) => [t.target, t.value, t.met ? 'yes' : 'NO']),
    ),
    targets,
  }
}
