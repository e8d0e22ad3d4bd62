import { groupArgs, type BenchConfig } from '../benchConfig.ts'
import type { GroupResult } from '../client/groupWorkload.ts'
import { spawnClientProcess } from '../spawnClientProcess.ts'
import { median } from '../stats.ts'
import { spawnTarget, type SyncLatencyReport } from '../targets/spawnTarget.ts'
import { spawnHearthCluster } from '../targets/spawnHearthCluster.ts'
import {
  hearth,
  hearthPair,
  hearthPostgres,
  hearthUnsealed,
  hocuspocus,
  hocuspocusSqlite,
  yWebsocket,
  yWebsocketLeveldb,
  type TargetVariant,
} from '../targets/targetVariants.ts'

export interface GroupRun {
  rooms: number
  run: number
  target: string
  result: GroupResult
  /** Hearth only: the server's own latency over the measured window (its SIGUSR2 report). */
  serverLatency: SyncLatencyReport | null
  /** Anything the server printed besides starting and stopping. */
  output: string
}

/** Above this share of its core over the window, a process is taken as saturated. */
const SATURATED = 0.9

/**
 * The group workload at each room count, servers alternating run by run; continues past the
 * configured counts, doubling, until a server (or the client process) saturates.
 */
export async function benchGroup(cfg: BenchConfig, log: (line: string) => void) {
  const runs: GroupRun[] = []
  const g = cfg.group
  for (let i = 0; ; i++) {
    const rooms = roomsAt(g.levels, i)
    const targets = [hearth, hocuspocus, yWebsocket]
    // The peers as they run when they too store what they are sent, beside their in-memory
    // runs: at one room, where a commit's fixed cost weighs most, and at the target count.
    if (rooms === 1 || rooms === g.persistedPeerAt)
      targets.push(hocuspocusSqlite, yWebsocketLeveldb)
    if (rooms === g.persistedPeerAt) targets.push(hearthUnsealed)
    // Several instances (issue 21) beside one, both on PostgreSQL, where fan-out is judged.
    if (rooms === g.levels[1]) targets.push(hearthPostgres, hearthPair)
    for (let run = 0; run < cfg.runs; run++) {
      for (const target of targets) runs.push(await groupRun(cfg, target, rooms, run, log))
    }
    if (i < g.levels.length - 1) continue
    const saturated = saturation(
      runs.filter((r) => r.rooms === rooms),
      targets,
      rooms,
    )
    if (saturated) return { runs, stoppedBecause: saturated }
    if (roomsAt(g.levels, i + 1) > g.maxRooms) break
  }
  return { runs, stoppedBecause: `no server saturated up to the configured ${g.maxRooms} rooms` }
}

/** The configured room counts, then doubling. */
const roomsAt = (levels: number[], i: number) =>
  levels[i] ?? levels.at(-1)! * 2 ** (i - levels.length + 1)

/** Why going on to more rooms would not measure the servers any more, or null. */
function saturation(here: GroupRun[], targets: TargetVariant[], rooms: number): string | null {
  const of = (label: string, pick: (r: GroupResult) => number) =>
    median(here.filter((r) => r.target === label).map((r) => pick(r.result)))
  const server = targets.find((t) => of(t.label, (r) => r.serverCoreUse) >= SATURATED)
  if (server) return `${server.label} saturated its core at ${rooms} rooms`
  const all = (pick: (r: GroupResult) => number) => median(here.map((r) => pick(r.result)))
  const client = all((r) => r.clientCoreUse)
  const made = all((r) => r.editRate)
  const others = all((r) => (r.coreBusy[1] ?? 0) - r.clientCoreUse)
  if (client < SATURATED && made >= 0.95) return null
  return (
    `the client process fell behind at ${rooms} rooms before any server saturated: it used ` +
    `${pct(client)} of its core (other processes ${pct(others)} of the same core) and made ` +
    `${pct(made)} of the scheduled edits (medians over all runs); with more rooms the figures ` +
    `would measure the client`
  )
}

async function groupRun(
  cfg: BenchConfig,
  variant: TargetVariant,
  rooms: number,
  run: number,
  log: (line: string) => void,
): Promise<GroupRun> {
  const g = cfg.group
  const target = variant.instances
    ? await spawnHearthCluster(variant.instances)
    : await spawnTarget(variant.name, {
        ...(variant.persist !== undefined && { persist: variant.persist }),
        ...(variant.env && { env: variant.env }),
      })
  const client = spawnClientProcess()
  try {
    const result = await client.call('groupWorkload', groupArgs(g, target.info, rooms))
    const ours = [result.serverCoreUse, result.clientCoreUse]
    const others = result.coreBusy.map((busy, core) => busy - (ours[core] ?? 0))
    log(
      `group ${rooms} rooms, run ${run + 1}, ${variant.label}: p99 ${result.fanoutMs.p99.toFixed(1)} ms, ` +
        `${result.serverCpuUsPerDelivery.toFixed(1)} µs/delivery, server ${pct(result.serverCoreUse)}, ` +
        `client ${pct(result.clientCoreUse)}, others on cores ${others.map(pct).join('/')}, ` +
        `edits ${pct(result.editRate)}, complete ${pct(result.completeness)}`,
    )
    // The window's report is the second answer (the first closed the warm-up).
    const serverLatency = target.latencyReports()[1] ?? null
    return { rooms, run, target: variant.label, result, serverLatency, output: target.output() }
  } finally {
    await client.close()
    await target.stop('SIGTERM')
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`
