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
  for (const c of clients) {
    c.doc.getMap('sent').observe((event) => {
      if (event.transaction.local) return
      const now = performance.now()
      for (const key of event.keysChanged)
        fanout.push(now - (c.doc.getMap('sent').get(key) as number))
    })
    const sentAt = new Map<number, number>()
    const acked = c.save.acked.bind(c.save)
    c.save.acked = (count) => {
      acked(count)
      for (const [frame, t] of sentAt)
        if (frame <= count) (acks.push(performance.now() - t), sentAt.delete(frame))
    }
    ;(c as TestClient & { sentAt: Map<number, number> }).sentAt = sentAt
  }
  let n = 0
  const timers = clients.map((c, i) =>
    setTimeout(
      () =>
        timers.push(
          setInterval(() => {
            const t = performance.now()
            Y.transact(c.doc, () => {
              c.text.insert(c.text.length, 'x')
              c.doc.getMap('sent').set(`${i}:${n++}`, t)
            })
            ;(c as TestClient & { sentAt: Map<number, number> }).sentAt.set(c.save.counts.sent, t)
          }, opts.intervalMs),
        ),
      (i * opts.intervalMs) / opts.members,
    ),
  )
  await new Promise((r) => setTimeout(r, opts.seconds * 1000))
  timers.forEach((t) => clearInterval(t))
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
