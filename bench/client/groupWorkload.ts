import { coreBusySeconds, ownCpuMicros, processesCpuMicros, processMemory } from '../procStats.ts'
import { percentiles } from '../stats.ts'
import type { TargetInfo } from './BenchClient.ts'
import type * as Y from 'yjs'
import { formatToken, tokensInUpdate } from './editToken.ts'
import { connectMembers, startTyping } from './roomMembers.ts'
import { sleepUntil } from './sleepUntil.ts'
import { waitUntil } from './waitUntil.ts'

export interface GroupArgs {
  target: TargetInfo
  rooms: number
  members: number
  intervalMs: number
  /** Typing before the measured window, so connection set-up and JIT are out of it. */
  warmupMs: number
  measureMs: number
  /** How long to wait after typing stops for the last deliveries and acks. */
  drainMs: number
}

/**
 * The group workload: `rooms` × `members`, each typing a token into the room's Y.Text every
 * `intervalMs`. Measures fan-out (edit → each other member's observer) and save-signal latency
 * for edits sent inside the window, and the server's CPU over it, read from /proc.
 */
export async function groupWorkload(args: GroupArgs) {
  const { target } = args
  const members = await connectMembers(target, args.rooms, args.members, 'bench/room')
  const n = members.length
  const sent = new Array<number>(n).fill(0)
  let windowEdits = 0
  const received = new Array<number>(n).fill(0)
  const fanout: number[] = []
  const saves: number[] = []
  const start = performance.now() + 100
  const t0 = start + args.warmupMs
  const tEnd = t0 + args.measureMs
  const inWindow = (t: number) => t >= t0 && t < tEnd
  for (const m of members) {
    // Read the tokens out of each applied remote update rather than from Y.Text events: an
    // event's delta walks the whole text, which made the client the bottleneck.
    m.client.doc.on('update', (update: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => {
      if (tr.local) return
      const now = performance.now()
      for (const token of tokensInUpdate(update)) {
        received[m.index]!++
        if (inWindow(token.sentAt)) fanout.push(now - token.sentAt)
      }
    })
  }
  await sleepUntil(start)
  const stop = startTyping(members, args.intervalMs, (m) => {
    const t = performance.now()
    const text = m.client.text
    text.insert(text.length, formatToken(m.index, sent[m.index]!++, t))
    if (inWindow(t)) windowEdits++
    m.client.track(() => {
      if (inWindow(t)) saves.push(performance.now() - t)
    })
  })
  await sleepUntil(t0)
  askServerLatency(target)
  const serverPids = target.cpuPids ?? [target.pid]
  const server0 = processesCpuMicros(serverPids)
  const client0 = ownCpuMicros()
  const cores0 = coreBusySeconds()
  await sleepUntil(tEnd)
  stop()
  const server1 = processesCpuMicros(serverPids)
  const client1 = ownCpuMicros()
  const cores1 = coreBusySeconds()
  askServerLatency(target)
  const expected = sent.reduce((a, b) => a + b, 0) * (args.members - 1)
  const total = () => received.reduce((a, b) => a + b, 0)
  await waitUntil(() => total() >= expected, 'deliveries', args.drainMs).catch(() => {})
  await Promise.race([
    Promise.all(members.map((m) => m.client.saved())),
    new Promise((r) => setTimeout(r, args.drainMs)),
  ])
  const server2 = processesCpuMicros(serverPids)
  const memory = processMemory(target.pid)
  const converged = Array.from({ length: args.rooms }, (_, room) => {
    const lengths = new Set(members.filter((m) => m.room === room).map((m) => m.client.text.length))
    return lengths.size === 1
  }).every(Boolean)
  const disconnects = members.reduce((a, m) => a + m.client.disconnects, 0)
  for (const m of members) m.client.destroy()
  const windowS = args.measureMs / 1000
  return {
    clients: n,
    edits: windowEdits,
    /** Edits made in the window over those scheduled: below 1, the client fell behind. */
    editRate: windowEdits / ((n * args.measureMs) / args.intervalMs),
    deliveries: fanout.length,
    completeness: total() / expected,
    converged,
    disconnects,
    fanoutMs: percentiles(fanout),
    saveMs: saves.length > 0 ? percentiles(saves) : null,
    serverCpuMs: (server2 - server0) / 1000,
    serverCpuUsPerDelivery: (server2 - server0) / fanout.length,
    serverCoreUse: (server1 - server0) / 1e6 / windowS,
    clientCoreUse: (client1 - client0) / 1e6 / windowS,
    /**
     * Each core's busy share over the window, all processes: above the server's (core 0) or
     * the client's (core 1) own share, something else ran there during the measurement.
     */
    coreBusy: cores1.map((busy, i) => (busy - cores0[i]!) / windowS),
    serverRssMiB: memory.rssMiB,
    serverPeakRssMiB: memory.peakMiB,
  }
}

export type GroupResult = Awaited<ReturnType<typeof groupWorkload>>

/**
 * Hearth logs its own sync latency since the last request when sent SIGUSR2 (server/main.js):
 * asked at both edges of the window, the second answer covers the window. The peers have no
 * such report (and SIGUSR2 would end them).
 */
function askServerLatency(target: TargetInfo): void {
  if (target.name === 'hearth') process.kill(target.pid, 'SIGUSR2')
}
