import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { groupArgs, type BenchConfig } from '../benchConfig.ts'
import { monotonicMicros, summariseProfile } from '../report/summariseProfile.ts'
import { spawnClientProcess, type ClientProcess } from '../spawnClientProcess.ts'
import { spawnTarget, type RunningTarget } from '../targets/spawnTarget.ts'

const WRITE_LIMITS = { HEARTH_UPDATE_RATE: '100000', HEARTH_UPDATE_BURST: '100000' }

/**
 * CPU profiles (`node --cpu-prof`) of Hearth's server process under the group workload at the
 * one room and at the target room count, the cold join of both written documents, and the join storm. Each is
 * summarised by self time over the measured part only (a window on the monotonic clock).
 */
export async function profileHearth(cfg: BenchConfig, dir: string, log: (line: string) => void) {
  const g = cfg.group
  // One room, where fixed costs per update weigh most, and the target room count.
  const group: Record<number, Awaited<ReturnType<typeof profiled>>> = {}
  for (const rooms of [1, cfg.quick ? 10 : 40]) {
    group[rooms] = await profiled(join(dir, `group-${rooms}`), {}, (target, client) =>
      client.call('groupWorkload', groupArgs(g, target.info, rooms)),
    )
    log(`profiled the group workload at ${rooms} rooms`)
  }
  const coldJoin: Record<string, unknown> = {}
  for (const kind of ['paced', 'burst'] as const) {
    // Written by one process, profiled in the restarted one: load from the store, then sync.
    const writer = await spawnTarget('hearth', { env: WRITE_LIMITS })
    const writing = spawnClientProcess()
    const doc = 'bench/cold-join'
    const { expectLength } = await writing.call('writeDocument', {
      target: writer.info,
      doc,
      kind,
      updates: cfg.coldJoin.updates,
    })
    await writing.call('releaseWriter', { doc })
    await writing.close()
    await writer.stop('SIGTERM')
    coldJoin[kind] = await profiled(
      join(dir, `cold-join-${kind}`),
      { dataDir: writer.dataDir, env: WRITE_LIMITS },
      async (target, client) => {
        await new Promise((r) => setTimeout(r, 1000))
        return client.call('timeJoin', { target: target.info, doc, expectLength })
      },
    )
    log(`profiled the cold join (${kind})`)
  }
  const storm = await profiled(join(dir, 'storm'), {}, async (target, client) => {
    const doc = 'bench/join-storm'
    const written = await client.call('writeDocument', {
      target: target.info,
      doc,
      kind: 'big',
      bytes: cfg.storm.bytes,
    })
    return client.call('joinStorm', {
      target: target.info,
      doc,
      clients: cfg.storm.clients,
      expectLength: written.expectLength,
    })
  })
  log('profiled the join storm')
  return { group, coldJoin, storm }
}

/**
 * Runs `work` against a profiled Hearth. The last call `work` makes on the client is the
 * measured part: the profile is summarised over the time that call took.
 */
async function profiled<T>(
  dir: string,
  opts: { dataDir?: string; env?: Record<string, string> },
  work: (target: RunningTarget, client: ClientProcess) => Promise<T>,
) {
  mkdirSync(dir, { recursive: true })
  const target = await spawnTarget('hearth', { ...opts, cpuProfDir: dir })
  const client = spawnClientProcess()
  const calls: [number, number][] = []
  const timed: ClientProcess = {
    ...client,
    call: (async (cmd, args) => {
      const start = monotonicMicros()
      const result = await client.call(cmd, args)
      calls.push([start, monotonicMicros()])
      return result
    }) as ClientProcess['call'],
  }
  let result: T
  try {
    result = await work(target, timed)
  } finally {
    await client.close()
    // SIGTERM lets the server exit normally, which is when V8 writes the profile.
    await target.stop('SIGTERM')
  }
  // A profile per thread; the main thread's is the one with samples in the window.
  const summaries = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summariseProfile(join(dir, f), 20, calls.at(-1)))
    .sort((a, b) => b.busySamples - a.busySamples)
  return { result, profile: summaries[0] ?? null }
}
