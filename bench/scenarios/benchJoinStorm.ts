import type { BenchConfig } from '../benchConfig.ts'
import type { joinStorm } from '../client/joinStorm.ts'
import { processMemory } from '../procStats.ts'
import { spawnClientProcess } from '../spawnClientProcess.ts'
import { spawnTarget } from '../targets/spawnTarget.ts'
import {
  floor,
  hearth,
  hocuspocus,
  yWebsocket,
  type TargetVariant,
} from '../targets/targetVariants.ts'

export interface JoinStormRun {
  target: string
  run: number
  bytes: number
  result: Awaited<ReturnType<typeof joinStorm>>
  serverRssMiB: number
  output: string
}

/**
 * The join storm: a text of `bytes` is written (in 64 KiB pieces) and kept open by its
 * writer; then `clients` providers are created at once. Times until each holds all of it.
 */
export async function benchJoinStorm(cfg: BenchConfig, log: (line: string) => void) {
  const runs: JoinStormRun[] = []
  for (let run = 0; run < cfg.runs; run++) {
    for (const variant of [hearth, hocuspocus, yWebsocket, floor]) {
      const result = await stormRun(variant, run, cfg.storm.clients, cfg.storm.bytes)
      log(
        `join storm run ${run + 1}, ${variant.label}: last ${result.result.lastMs.toFixed(0)} ms, ` +
          `server CPU ${result.result.serverCpuMs.toFixed(0)} ms, client CPU ` +
          `${result.result.clientCpuMs.toFixed(0)} ms`,
      )
      runs.push(result)
    }
  }
  return runs
}

export async function stormRun(
  variant: TargetVariant,
  run: number,
  clients: number,
  bytes: number,
): Promise<JoinStormRun> {
  const target = await spawnTarget(variant.name, { persist: variant.persist })
  const client = spawnClientProcess()
  const doc = 'bench/join-storm'
  try {
    const { expectLength } = await client.call('writeDocument', {
      target: target.info,
      doc,
      kind: 'big',
      bytes,
    })
    const result = await client.call('joinStorm', {
      target: target.info,
      doc,
      clients,
      expectLength,
    })
    const serverRssMiB = processMemory(target.info.pid).rssMiB
    return { target: variant.label, run, bytes, result, serverRssMiB, output: target.output() }
  } finally {
    await client.close()
    await target.stop('SIGTERM')
  }
}
