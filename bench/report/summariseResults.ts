import type { ColdJoinRun, WritePattern } from '../scenarios/benchColdJoin.ts'
import type { DurabilityRun } from '../scenarios/benchDurability.ts'
import type { FootprintRun } from '../scenarios/benchFootprint.ts'
import type { GroupRun } from '../scenarios/benchGroup.ts'
import type { JoinStormRun } from '../scenarios/benchJoinStorm.ts'
import { coldJoinMedians, coldJoinTable } from './coldJoinTable.ts'
import { durabilitySum, durabilityTable } from './durabilityTable.ts'
import { footprintTable, footprintTargets } from './footprintTable.ts'
import { groupMedian, groupTable, serverMedian } from './groupTable.ts'
import { instancesTable } from './instancesTable.ts'
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
  const peers = ['hocuspocus', 'y-websocket']
  /** Hearth ÷ the better peer at `rooms`, every figure from the same round of runs. */
  const versusBestPeer = (
    rooms: number,
    pick: (x: GroupRun['result']) => number,
    among: string[] = peers,
  ) =>
    groupMedian(g, rooms, 'hearth', pick) /
    Math.min(...among.map((peer) => groupMedian(g, rooms, peer, pick)))
  const storingPeers = ['hocuspocus+sqlite', 'y-websocket+leveldb']
  const levels = [...new Set(g.map((x) => x.rooms))].filter((rooms) => rooms <= 40)
  const savedP99 = groupMedian(g, targetRooms, 'hearth', (x) => x.saveMs?.p99 ?? Number.NaN)
  const coldRatio = (pattern: WritePattern) =>
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
    ...levels.map((rooms) => {
      const ratio = versusBestPeer(rooms, (x) => x.serverCpuUsPerDelivery)
      return {
        target: `server CPU per delivered update at ${roomsText(rooms)} ≤ the cheaper peer's (ratio)`,
        value: fmt(ratio, 2),
        met: ratio <= 1,
      }
    }),
    // Not a target of the issue: the same ratio against the peers when they store too.
    ...levels
      .filter((rooms) => g.some((x) => x.rooms === rooms && x.target === 'y-websocket+leveldb'))
      .map((rooms) => {
        const ratio = versusBestPeer(rooms, (x) => x.serverCpuUsPerDelivery, storingPeers)
        return {
          target: `(for reference) the same at ${roomsText(rooms)} against the peers storing too`,
          value: fmt(ratio, 2),
          met: ratio <= 1,
        }
      }),
    (() => {
      const ratio = versusBestPeer(targetRooms, (x) => x.fanoutMs.p99)
      return {
        target: `p99 fan-out at ${targetRooms} rooms ≤ the better peer's (ratio)`,
        value: fmt(ratio, 2),
        met: ratio <= 1,
      }
    })(),
    {
      target: `"Saved" p99 at ${targetRooms} rooms ≤ 100 ms`,
      value: `${fmt(savedP99)} ms`,
      met: savedP99 <= 100,
    },
    {
      target: 'acknowledged edits lost across all SIGKILLs = 0',
      value: String(lost),
      met: lost === 0 && r.durability.length > 0,
    },
    // One author's documents keep issue 3's target; the 12-author one (issue 20) has no earlier
    // figure to stay ahead of, so it is held to the peer's.
    ...[...new Set(r.coldJoin.map((c) => c.pattern))].map((pattern) => {
      const limit = pattern === 'authors' ? 1 : 0.5
      return {
        target: `cold join (${pattern}-written document) ≤ ${limit} × Hocuspocus`,
        value: fmt(coldRatio(pattern), 2),
        met: coldRatio(pattern) <= limit,
      }
    }),
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
    instances: instancesTable(g),
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

const roomsText = (rooms: number) => `${rooms} room${rooms === 1 ? '' : 's'}`
