import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { connectBenchClient } from './connectBenchClient.ts'
import { seededRandom } from '../seededRandom.ts'
import { withTimeout } from './withTimeout.ts'

export interface Member {
  client: BenchClient
  /** Index over all members of the run. */
  index: number
  room: number
  doc: string
}

const BATCH = 48
const SYNC_TIMEOUT_MS = 60_000

/**
 * Connects `perRoom` members to each of `rooms` documents and waits for all to sync. Members
 * connect in batches so that setting up the run does not itself become a join storm.
 */
export async function connectMembers(
  target: TargetInfo,
  rooms: number,
  perRoom: number,
  prefix: string,
): Promise<Member[]> {
  const members: Member[] = []
  for (let room = 0; room < rooms; room++) {
    for (let i = 0; i < perRoom; i++) {
      members.push({ client: null as never, index: members.length, room, doc: `${prefix}-${room}` })
    }
  }
  for (let start = 0; start < members.length; start += BATCH) {
    const batch = members.slice(start, start + BATCH)
    for (const m of batch) {
      const port = target.ports?.[m.index % target.ports.length] ?? target.port
      m.client = connectBenchClient({ ...target, port }, m.doc)
    }
    await withTimeout(
      Promise.all(batch.map((m) => m.client.synced())),
      SYNC_TIMEOUT_MS,
      'members to sync',
    )
  }
  return members
}

/** The same phases for every server and run, so that all are driven alike. */
const PHASE_SEED = 20_261_127

/**
 * Each member calls `edit` every `intervalMs`, from its own moment in the first interval: a
 * seeded random phase, as independent people type. (Phases in member order put a room's 12
 * members within a few milliseconds of each other, an artificial burst every interval.)
 * Returns the function that stops them all.
 */
export function startTyping(
  members: Member[],
  intervalMs: number,
  edit: (m: Member) => void,
): () => void {
  const random = seededRandom(PHASE_SEED)
  const intervals: NodeJS.Timeout[] = []
  const starts = members.map((m) =>
    setTimeout(() => intervals.push(setInterval(() => edit(m), intervalMs)), random() * intervalMs),
  )
  return () => {
    starts.forEach(clearTimeout)
    intervals.forEach(clearInterval)
  }
}
