import * as Y from 'yjs'
import { connectProvider, type TestClient } from '../server/test/connectProvider.ts'
import { spawnServer } from '../server/test/spawnServer.ts'
import { percentiles, round } from './stats.ts'

/**
 * Fan-out latency (edit → every other member) and durable-ack latency (edit → "Saved") for one
 * room of `members`, each typing every `intervalMs`. Hearth relays before it commits, so the ack
 * latency is also what fan-out would cost if it waited for the commit.
 */
export async function syncLatency(opts: {
  synchronous: 'FULL' | 'NORMAL'
  members: number
  intervalMs: number
  seconds: number
}) {
  const server = await spawnServer({ env: { HEARTH_SQLITE_SYNCHRONOUS: opts.synchronous } })
  const token = server.token()
  const clients: TestClient[] = []
  const fanout: number[] = []
  const acks: number[] = []
  for (let i = 0; i < opts.members; i++)
    clients.push(connectProvider(server.wsUrl, 'bench/room', token))
  await Promise.all(clients.map((c) => c.synced()))
  // Per client: frame number on its socket → time of the edit it carried.
  const sentAt = clients.map(() => new Map<number, number>())
  clients.forEach((c, i) => {
    const sent = c.doc.getMap<number>('sent')
    sent.observe((event) => {
      if (event.transaction.local) return
      const now = performance.now()
      for (const key of event.keysChanged) fanout.push(now - sent.get(key)!)
    })
    const acked = c.save.acked.bind(c.save)
    c.save.acked = (count) => {
      acked(count)
      for (const [frame, t] of sentAt[i]!) {
        if (frame > count) continue
        acks.push(performance.now() - t)
        sentAt[i]!.delete(frame)
      }
    }
  })
  let n = 0
  const edit = (i: number) => {
    const c = clients[i]!
    const t = performance.now()
    Y.transact(c.doc, () => {
      c.text.insert(c.text.length, 'x')
      c.doc.getMap('sent').set(`${i}:${n++}`, t)
    })
    sentAt[i]!.set(c.save.counts.sent, t)
  }
  // Members start staggered across the interval, as people do.
  const intervals: NodeJS.Timeout[] = []
  const starts = clients.map((_, i) =>
    setTimeout(
      () => intervals.push(setInterval(() => edit(i), opts.intervalMs)),
      (i * opts.intervalMs) / opts.members,
    ),
  )
  await new Promise((r) => setTimeout(r, opts.seconds * 1000))
  starts.forEach(clearTimeout)
  intervals.forEach(clearInterval)
  await new Promise((r) => setTimeout(r, 500))
  for (const c of clients) c.destroy()
  await server.stop('SIGTERM')
  const f = percentiles(fanout)
  const a = percentiles(acks)
  return {
    synchronous: opts.synchronous,
    members: opts.members,
    fanoutMs: {
      p50: round(f.p50),
      p95: round(f.p95),
      p99: round(f.p99),
      max: round(f.max),
      n: f.n,
    },
    ackMs: { p50: round(a.p50), p95: round(a.p95), p99: round(a.p99), max: round(a.max), n: a.n },
  }
}
