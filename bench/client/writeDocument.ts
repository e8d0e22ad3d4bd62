import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { connectBenchClient } from './connectBenchClient.ts'
import { heldClients } from './heldClients.ts'
import { timeJoin } from './timeJoin.ts'
import { withTimeout } from './withTimeout.ts'

export interface WriteArgs {
  target: TargetInfo
  doc: string
  /**
   * 'paced': `updates` small edits (one in seven a deletion), one update message each, a few
   * per millisecond, so the server sees them spread over many ticks as when a document grows
   * over sessions. 'burst': the same edits all at once, as from an offline client reconnecting.
   * 'big': a text of `bytes`, appended in 64 KiB pieces.
   */
  kind: 'paced' | 'burst' | 'big'
  updates?: number
  bytes?: number
}

const PIECE = 64 * 1024
/** Edits per 1 ms timer turn when paced: 20,000 take about five seconds. */
const PACED_PER_TURN = 4

const smallEdit = (text: BenchClient['text'], i: number) => {
  if (i % 7 === 6) text.delete(0, Math.min(2, text.length))
  else text.insert(text.length, `u${i} `)
}

/**
 * Writes a document through one client, waits for the provider's save signal, then checks
 * with a fresh client that the server holds all of it. The writer stays connected (under the
 * document's name in `heldClients`) until the parent releases it.
 */
export async function writeDocument(args: WriteArgs) {
  const writer = connectBenchClient(args.target, args.doc)
  await withTimeout(writer.synced(), 30_000, 'writer to sync')
  const text = writer.text
  const started = performance.now()
  if (args.kind === 'burst') {
    for (let i = 0; i < args.updates!; i++) smallEdit(text, i)
  } else if (args.kind === 'paced') {
    await new Promise<void>((resolve) => {
      let i = 0
      const timer = setInterval(() => {
        for (let k = 0; k < PACED_PER_TURN && i < args.updates!; k++) smallEdit(text, i++)
        if (i === args.updates) resolve(clearInterval(timer))
      }, 1)
    })
  } else {
    const piece = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(PIECE / 32).slice(0, PIECE)
    for (let written = 0; written < args.bytes!; written += PIECE) text.insert(text.length, piece)
  }
  await withTimeout(writer.saved(), 120_000, 'writer to be saved')
  const savedMs = performance.now() - started
  heldClients.set(args.doc, writer)
  const expectLength = text.length
  // The y-websocket provider has no save signal: ask a fresh client until the server has it all.
  for (let attempt = 0; ; attempt++) {
    const probe = await timeJoin({ target: args.target, doc: args.doc, expectLength })
    if (probe.complete) break
    if (attempt === 100) throw new Error('the server never held the whole document')
    await new Promise((r) => setTimeout(r, 100))
  }
  return { expectLength, savedMs }
}

/** Disconnects the writer of `doc`. */
export async function releaseWriter(args: { doc: string }) {
  heldClients.get(args.doc)?.destroy()
  heldClients.delete(args.doc)
  return {}
}
