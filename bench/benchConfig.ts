import type { TargetInfo } from './client/BenchClient.ts'
import type { GroupArgs } from './client/groupWorkload.ts'

/** Sizes and repetitions of every benchmark; BENCH_QUICK=1 selects the smoke-run column. */
export function benchConfig(quick: boolean) {
  return {
    quick,
    /** Runs per configuration; servers alternate within each round of runs. */
    runs: quick ? 1 : 3,
    group: {
      /** Room counts always run, then doubled while no server and not the client saturates. */
      levels: [1, 10, 40],
      maxRooms: quick ? 40 : 160,
      members: 12,
      intervalMs: 250,
      warmupMs: quick ? 1_000 : 2_000,
      measureMs: quick ? 3_000 : 20_000,
      drainMs: 5_000,
      /** Hocuspocus with its SQLite store joins in at this room count (both sides durable). */
      persistedPeerAt: quick ? 10 : 40,
    },
    coldJoin: {
      updates: quick ? 2_000 : 20_000,
      patterns: (quick ? ['paced', 'authors'] : ['paced', 'burst', 'authors']) as (
        'paced' | 'burst' | 'authors'
      )[],
    },
    storm: { clients: quick ? 30 : 150, bytes: quick ? 1024 * 1024 : 4 * 1024 * 1024 },
    durability: {
      rounds: quick ? 1 : 6,
      rooms: 10,
      /** The kill comes at a seeded random time in this range after typing starts. */
      killAfterMs: (quick ? [1_500, 3_000] : [2_000, 14_000]) as [number, number],
    },
    loadTime: quick ? [1_000] : [1_000, 5_000, 20_000],
    footprint: {
      /** Idle connected clients: `rooms` × `perRoom`, as the group workload's 40 rooms of 12. */
      rooms: quick ? 10 : 40,
      perRoom: 12,
      /** Idle documents, each written once and held open by one client. */
      documents: quick ? 250 : 1_000,
      /**
       * Idle time before each memory reading, so connecting and writing have settled: longer
       * than Hearth waits (10 s without a join or an edit) before it gives memory back
       * (server/process/reclaimMemory.ts). The peers do nothing when idle; it changes nothing
       * for them.
       */
      settleMs: 16_000,
    },
  }
}

export type BenchConfig = ReturnType<typeof benchConfig>

/** The group workload's arguments for `rooms` rooms on `target`, from the configuration. */
export function groupArgs(
  g: BenchConfig['group'],
  target: TargetInfo,
  rooms: number,
  measureMs = g.measureMs,
): GroupArgs {
  const { members, intervalMs, warmupMs, drainMs } = g
  return { target, rooms, members, intervalMs, warmupMs, measureMs, drainMs }
}
