import { loadTime } from './loadTime.ts'
import { syncLatency } from './syncLatency.ts'

/**
 * `npm run bench`. Prints JSON lines; docs/PERFORMANCE.md explains them. Set BENCH_QUICK=1 for
 * a short smoke run.
 */
process.setMaxListeners(0) // each y-websocket provider adds an exit listener
const quick = process.env.BENCH_QUICK === '1'
const print = (name: string, value: unknown) =>
  process.stdout.write(`${JSON.stringify({ bench: name, ...(value as object) })}\n`)

for (const n of quick ? [1_000] : [1_000, 5_000, 20_000]) print('load-time', await loadTime(n, 500))
for (const synchronous of ['FULL', 'NORMAL'] as const) {
  print(
    'sync-latency',
    await syncLatency({ synchronous, members: 12, intervalMs: 250, seconds: quick ? 3 : 15 }),
  )
}
