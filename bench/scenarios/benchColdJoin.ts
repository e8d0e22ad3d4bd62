import type { BenchConfig } from '../benchConfig.ts'
import type { ClientProcess } from '../spawnClientProcess.ts'
import { spawnClientProcess } from '../spawnClientProcess.ts'
import { spawnTarget } from '../targets/spawnTarget.ts'
import {
  hearth,
  hocuspocusSqlite,
  yWebsocket,
  type TargetVariant,
} from '../targets/targetVariants.ts'

/**
 * Hearth's per-connection update rate limit (100/s, burst 500) would close a writer sending
 * 20,000 updates in seconds; it is raised for this benchmark. The timed joins send one update
 * message each, so the limit does not touch what is measured.
 */
const HEARTH_WRITE_LIMITS = { HEARTH_UPDATE_RATE: '100000', HEARTH_UPDATE_BURST: '100000' }
/**
 * Wait after a restart before the timed join, so that what is left of the process's own
 * start-up (Hearth compiles and initialises its other modules for a while after "listening")
 * is not counted as loading the document. The sync path itself is still cold.
 */
const SETTLE_MS = 1000

export type WritePattern = 'paced' | 'burst' | 'authors'

export interface ColdJoinRun {
  target: string
  run: number
  pattern: WritePattern
  updates: number
  /** Length of the text the joins had to receive. */
  length: number
  /** Writing the updates until the provider's save signal covered the last one. */
  writeMs: number
  /** Connect → synced for a new client while the document is in the server's memory. */
  warmMs: number
  /** Connect → synced for the first client after a restart: the server loads its store. */
  coldMs: number | null
  /**
   * The same after another restart, once a client has joined another (empty) document: the
   * load of this document without the process's first-connection costs.
   */
  coldDocMs: number | null
  complete: boolean
  output: string
}

/**
 * The cold join: a document built from `updates` small updates, written through a client,
 * paced or in one burst. Hearth and Hocuspocus (with its SQLite store) are then restarted and
 * the first client's join is timed; the y-websocket server keeps documents in memory only, so
 * its figure is a join while the document is loaded (measured for all three as `warmMs`).
 */
export async function benchColdJoin(cfg: BenchConfig, log: (line: string) => void) {
  const runs: ColdJoinRun[] = []
  for (let run = 0; run < cfg.runs; run++) {
    for (const pattern of cfg.coldJoin.patterns) {
      for (const variant of [hearth, hocuspocusSqlite, yWebsocket]) {
        const result = await coldJoinRun(variant, run, pattern, cfg.coldJoin.updates)
        log(
          `cold join run ${run + 1}, ${pattern}, ${variant.label}: warm ${result.warmMs.toFixed(1)} ` +
            `ms, cold ${result.coldMs?.toFixed(1) ?? '-'} ms, cold document ` +
            `${result.coldDocMs?.toFixed(1) ?? '-'} ms`,
        )
        runs.push(result)
      }
    }
  }
  return runs
}

export async function coldJoinRun(
  variant: TargetVariant,
  run: number,
  pattern: WritePattern,
  updates: number,
): Promise<ColdJoinRun> {
  const env = variant.name === 'hearth' ? HEARTH_WRITE_LIMITS : {}
  const options = { persist: variant.persist, env }
  const first = await spawnTarget(variant.name, options)
  const client = spawnClientProcess()
  const doc = 'bench/cold-join'
  try {
    const written = await client.call('writeDocument', {
      target: first.info,
      doc,
      kind: pattern,
      updates,
    })
    const { expectLength } = written
    const warm = await client.call('timeJoin', { target: first.info, doc, expectLength })
    await client.call('releaseWriter', { doc })
    // A graceful stop: Hearth has committed everything already; Hocuspocus stores on unload.
    await first.stop('SIGTERM')
    const restart = (warmUpFirst: boolean) =>
      restartAndJoin(variant, first.dataDir, env, client, doc, expectLength, warmUpFirst)
    const cold = variant.name === 'y-websocket' ? [] : [await restart(false), await restart(true)]
    return {
      target: variant.label,
      run,
      pattern,
      updates,
      length: expectLength,
      writeMs: written.savedMs,
      warmMs: warm.ms,
      coldMs: cold[0]?.ms ?? null,
      coldDocMs: cold[1]?.ms ?? null,
      complete: warm.complete && cold.every((c) => c.complete),
      output: first.output() + cold.map((c) => c.output).join(''),
    }
  } finally {
    await client.close()
    await first.stop('SIGTERM')
  }
}

async function restartAndJoin(
  variant: TargetVariant,
  dataDir: string,
  env: Record<string, string>,
  client: ClientProcess,
  doc: string,
  expectLength: number,
  warmUpFirst: boolean,
) {
  const again = await spawnTarget(variant.name, { persist: variant.persist, env, dataDir })
  try {
    await new Promise((r) => setTimeout(r, SETTLE_MS))
    if (warmUpFirst) {
      await client.call('timeJoin', { target: again.info, doc: 'bench/warm-up', expectLength: 0 })
    }
    const join = await client.call('timeJoin', { target: again.info, doc, expectLength })
    return { ...join, output: again.output() }
  } finally {
    await again.stop('SIGTERM')
  }
}
