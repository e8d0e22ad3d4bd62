import type { TargetInfo } from './BenchClient.ts'
import { connectBenchClient } from './connectBenchClient.ts'
import { withTimeout } from './withTimeout.ts'

/**
 * Time from creating a provider (connect) to its "synced" event, for one new client of `doc`;
 * `complete` says whether it then held the whole document (`expectLength` characters).
 */
export async function timeJoin(args: { target: TargetInfo; doc: string; expectLength: number }) {
  const started = performance.now()
  const client = connectBenchClient(args.target, args.doc)
  try {
    await withTimeout(client.synced(), 60_000, 'join')
    const ms = performance.now() - started
    return { ms, complete: client.text.length === args.expectLength }
  } finally {
    client.destroy()
  }
}
