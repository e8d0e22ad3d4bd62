import type { TargetInfo } from './BenchClient.ts'
import { connectMembers, type Member } from './roomMembers.ts'
import { withTimeout } from './withTimeout.ts'

export interface IdleArgs {
  target: TargetInfo
  rooms: number
  perRoom: number
  /** Document names are `<prefix>-<room>`. */
  prefix: string
  /** Each room's first member writes one small edit and waits for the provider's save signal. */
  write: boolean
}

/** Members kept connected between `connectIdle` and `releaseIdle`, so the server holds them. */
let held: Member[] = []

/**
 * Connects `rooms` × `perRoom` members and leaves them connected and idle, so the parent can
 * read what the server's memory holds for them. With `write`, each document gets one small
 * update first: a document the server has stored and keeps open, not only an empty name.
 */
export async function connectIdle(args: IdleArgs) {
  const started = performance.now()
  const members = await connectMembers(args.target, args.rooms, args.perRoom, args.prefix)
  held.push(...members)
  const connectMs = performance.now() - started
  if (!args.write) return { clients: members.length, connectMs, writeMs: 0 }
  const writing = performance.now()
  const writers = members.filter((m) => m.index % args.perRoom === 0) // a room's first
  for (const w of writers) {
    w.client.text.insert(0, `document ${w.room}: a worksheet answer written once. `)
    w.client.track(() => {})
  }
  // The y-websocket provider has no save signal: its `saved()` resolves at once, and the
  // parent's settling time covers the server applying the update.
  await withTimeout(
    Promise.all(writers.map((w) => w.client.saved())),
    60_000,
    'idle documents to be saved',
  )
  return { clients: members.length, connectMs, writeMs: performance.now() - writing }
}

/**
 * Disconnects every member `connectIdle` left connected; how many sockets closed while they
 * sat idle (a server that drops idle clients saves memory it should not get credit for).
 */
export async function releaseIdle(_args: Record<string, never>) {
  const disconnects = held.reduce((a, m) => a + m.client.disconnects, 0)
  for (const m of held) m.client.destroy()
  held = []
  return { disconnects }
}
