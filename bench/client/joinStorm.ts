import { ownCpuMicros, processCpuMicros } from '../procStats.ts'
import { percentiles } from '../stats.ts'
import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { connectBenchClient } from './connectBenchClient.ts'
import { withTimeout } from './withTimeout.ts'

/**
 * `clients` providers created in one go for `doc`; the time until each holds the whole
 * document (`expectLength` characters), and the CPU both sides spent until the last did.
 */
export async function joinStorm(args: {
  target: TargetInfo
  doc: string
  clients: number
  expectLength: number
}) {
  const server0 = processCpuMicros(args.target.pid)
  const client0 = ownCpuMicros()
  const started = performance.now()
  const clients: BenchClient[] = []
  const times: number[] = []
  const whole = (c: BenchClient) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (c.text.length !== args.expectLength) return
        c.text.unobserve(check)
        times.push(performance.now() - started)
        resolve()
      }
      c.text.observe(check)
    })
  const done: Promise<void>[] = []
  for (let i = 0; i < args.clients; i++) {
    const c = connectBenchClient(args.target, args.doc)
    clients.push(c)
    done.push(whole(c))
  }
  let timedOut = false
  await withTimeout(Promise.all(done), 120_000, 'join storm').catch(() => (timedOut = true))
  const server1 = processCpuMicros(args.target.pid)
  const client1 = ownCpuMicros()
  const disconnects = clients.reduce((a, c) => a + c.disconnects, 0)
  for (const c of clients) c.destroy()
  return {
    completed: times.length,
    timedOut,
    lastMs: times.length === args.clients ? Math.max(...times) : NaN,
    joinMs: percentiles(times),
    serverCpuMs: (server1 - server0) / 1000,
    clientCpuMs: (client1 - client0) / 1000,
    disconnects,
  }
}
