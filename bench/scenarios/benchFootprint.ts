import type { BenchConfig } from '../benchConfig.ts'
import { processMemory } from '../procStats.ts'
import { spawnClientProcess, type ClientProcess } from '../spawnClientProcess.ts'
import { prepareTarget, spawnTarget, type RunningTarget } from '../targets/spawnTarget.ts'
import { hearth, hocuspocus, yWebsocket, type TargetVariant } from '../targets/targetVariants.ts'

/** What a server process held when its loaded memory was read. */
export type FootprintLoad = 'clients' | 'documents'

export interface FootprintRun {
  target: string
  run: number
  load: FootprintLoad
  /** Idle clients connected at the reading ('documents': one per document). */
  clients: number
  /** Documents open at the reading ('clients': the rooms they share). */
  documents: number
  /** Spawn → the "listening" line, the signal spawnTarget waits for. */
  listeningMs: number
  /**
   * Spawn → the first client synced on a document through the server's own provider: the
   * start-up every server is compared by, as a port that listens may not answer yet.
   */
  startupMs: number
  /** VmRSS as the "listening" line arrived. */
  listeningRssMiB: number
  /** VmRSS after that first client left and the process sat idle for `settleMs`. */
  idleRssMiB: number
  /** VmRSS with the load connected and idle for `settleMs`. */
  loadedRssMiB: number
  /** VmHWM at the reading: the peak, connecting included. */
  peakRssMiB: number
  /** (loaded − idle) ÷ clients ('clients') or ÷ documents ('documents'), in KiB. */
  perItemKiB: number
  connectMs: number
  writeMs: number
  /** Sockets that closed while the load sat idle. */
  disconnects: number
  output: string
}

const SERVERS = [hearth, hocuspocus, yWebsocket]
/** The first client's document: not one of the measured ones. */
const FIRST_DOC = 'bench/footprint-first'

/**
 * Memory and start-up of each server, like for like: a fresh process per reading, timed from
 * spawn to its first synced client, read idle, then with idle clients (rooms × perRoom) or
 * idle documents (each written once and held open by one client, the only state in which all
 * three keep a document in memory: Hocuspocus unloads one when its last client leaves).
 * Servers alternate run by run; one untimed round first, so no server pays for a cold disk
 * cache or a cold client process.
 */
export async function benchFootprint(cfg: BenchConfig, log: (line: string) => void) {
  const f = cfg.footprint
  const client = spawnClientProcess()
  const runs: FootprintRun[] = []
  try {
    for (const variant of SERVERS) {
      const { target, startupMs } = await startAndJoin(variant, client)
      await target.stop('SIGTERM')
      log(`footprint warm-up, ${variant.label}: start-up ${startupMs.toFixed(0)} ms (not kept)`)
    }
    for (let run = 0; run < cfg.runs; run++) {
      for (const load of ['clients', 'documents'] as const) {
        for (const variant of SERVERS) {
          const r = await footprintRun(variant, run, load, f, client)
          log(
            `footprint run ${run + 1}, ${load}, ${variant.label}: start-up ${r.startupMs.toFixed(0)} ms ` +
              `(listening ${r.listeningMs.toFixed(0)} ms), idle ${r.idleRssMiB.toFixed(1)} MiB, ` +
              `${r.clients} clients on ${r.documents} documents ${r.loadedRssMiB.toFixed(1)} MiB, ` +
              `${r.perItemKiB.toFixed(1)} KiB per ${load === 'clients' ? 'client' : 'document'}`,
          )
          runs.push(r)
        }
      }
    }
  } finally {
    await client.close()
  }
  return runs
}

/** One fresh server process: start-up, idle memory, then memory under one kind of load. */
async function footprintRun(
  variant: TargetVariant,
  run: number,
  load: FootprintLoad,
  f: BenchConfig['footprint'],
  client: ClientProcess,
): Promise<FootprintRun> {
  const { target, listeningMs, startupMs, listeningRssMiB } = await startAndJoin(variant, client)
  const pid = target.info.pid
  try {
    await settle(f.settleMs)
    const idleRssMiB = processMemory(pid).rssMiB
    const [rooms, perRoom] = load === 'clients' ? [f.rooms, f.perRoom] : [f.documents, 1]
    const loaded = await client.call('connectIdle', {
      target: target.info,
      rooms,
      perRoom,
      prefix: `bench/footprint-${load}`,
      write: load === 'documents',
    })
    await settle(f.settleMs)
    const memory = processMemory(pid)
    const { disconnects } = await client.call('releaseIdle', {})
    const items = load === 'clients' ? loaded.clients : rooms
    return {
      target: variant.label,
      run,
      load,
      clients: loaded.clients,
      documents: rooms,
      listeningMs,
      startupMs,
      listeningRssMiB,
      idleRssMiB,
      loadedRssMiB: memory.rssMiB,
      peakRssMiB: memory.peakMiB,
      perItemKiB: ((memory.rssMiB - idleRssMiB) * 1024) / items,
      connectMs: loaded.connectMs,
      writeMs: loaded.writeMs,
      disconnects,
      output: target.output(),
    }
  } finally {
    await client.call('releaseIdle', {}).catch(() => {})
    await target.stop('SIGTERM')
  }
}

/**
 * Spawns the server and times it from spawn to a first client synced on a small document.
 * The client process is already running (and warmed by the untimed round), so what is timed
 * is the server's start, its first connection and its first document.
 */
async function startAndJoin(variant: TargetVariant, client: ClientProcess) {
  await prepareTarget(variant.name)
  const t0 = performance.now()
  const target: RunningTarget = await spawnTarget(variant.name, {
    persist: variant.persist,
    env: variant.env,
  })
  const listeningMs = performance.now() - t0
  const listeningRssMiB = processMemory(target.info.pid).rssMiB
  try {
    await client.call('timeJoin', { target: target.info, doc: FIRST_DOC, expectLength: 0 })
  } catch (error) {
    await target.stop('SIGTERM')
    throw error
  }
  const startupMs = performance.now() - t0
  return { target, listeningMs, startupMs, listeningRssMiB }
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms))
