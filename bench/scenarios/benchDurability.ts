import { seededRandom } from '../seededRandom.ts'
import type { BenchConfig } from '../benchConfig.ts'
import { spawnClientProcess } from '../spawnClientProcess.ts'
import { spawnTarget } from '../targets/spawnTarget.ts'
import {
  hearth,
  hocuspocusSqlite,
  yWebsocketLeveldb,
  type TargetVariant,
} from '../targets/targetVariants.ts'

/** What each server's save signal tells its client, for the table. */
export const SAVE_SIGNAL: Record<string, string> = {
  [hearth.label]: 'on the disk (after fdatasync)',
  [hocuspocusSqlite.label]: 'applied in memory (stored after a 2 s debounce)',
  [yWebsocketLeveldb.label]: 'none (no save signal)',
}

export interface DurabilityRun {
  target: string
  round: number
  killAfterMs: number
  /** Edits typed before the kill. */
  sent: number
  /** Edits whose writer had been told they were saved. */
  saved: number
  /** Of those, edits missing after the restart. */
  lost: number
  /** Edits another member had received before the kill. */
  relayed: number
  /** Of those, edits missing after the restart. */
  relayedLost: number
  lostExamples: string[]
  output: string
}

/**
 * SIGKILL in the middle of the group workload, restart on the same store, and count the edits
 * a client had been told were saved, and those another member had received, that are gone.
 * Every round kills every server at the same seeded time after typing starts.
 */
export async function benchDurability(cfg: BenchConfig, seed: number, log: (line: string) => void) {
  const d = cfg.durability
  const random = seededRandom(seed)
  const runs: DurabilityRun[] = []
  for (let round = 0; round < d.rounds; round++) {
    const killAfterMs = Math.round(
      d.killAfterMs[0] + random() * (d.killAfterMs[1] - d.killAfterMs[0]),
    )
    for (const variant of [hearth, hocuspocusSqlite, yWebsocketLeveldb]) {
      const result = await killRound(variant, round, killAfterMs, d.rooms)
      log(
        `durability round ${round + 1}, ${variant.label}: killed at ${killAfterMs} ms, ` +
          `${result.saved} told saved, ${result.lost} lost; ` +
          `${result.relayed} relayed, ${result.relayedLost} lost`,
      )
      runs.push(result)
    }
  }
  return runs
}

async function killRound(
  variant: TargetVariant,
  round: number,
  killAfterMs: number,
  rooms: number,
): Promise<DurabilityRun> {
  const first = await spawnTarget(variant.name, { persist: variant.persist })
  const client = spawnClientProcess()
  let output = ''
  try {
    const typed = await client.call('durabilityRound', {
      target: first.info,
      rooms,
      members: 12,
      intervalMs: 250,
      killAfterMs,
      prefix: `bench/crash-${round}`,
    })
    await first.stop('SIGKILL')
    output += first.output()
    const again = await spawnTarget(variant.name, {
      persist: variant.persist,
      dataDir: first.dataDir,
    })
    try {
      const verified = await client.call('verifyTokens', { target: again.info, saved: typed.saved })
      const relayed = await client.call('verifyTokens', {
        target: again.info,
        saved: typed.relayed,
      })
      return {
        target: variant.label,
        round,
        killAfterMs,
        sent: typed.sent,
        saved: verified.saved,
        lost: verified.lost,
        relayed: relayed.saved,
        relayedLost: relayed.lost,
        lostExamples: [...verified.lostExamples, ...relayed.lostExamples].slice(0, 5),
        output: output + again.output(),
      }
    } finally {
      await again.stop('SIGTERM')
    }
  } finally {
    await client.close()
    await first.stop('SIGKILL')
  }
}
