import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { connectBenchClient } from './connectBenchClient.ts'
import { seededRandom } from '../seededRandom.ts'
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
   * 'authors': the same number of edits paced, by 12 clients taking turns, each inserting at
   * a (seeded) random place in the text as it sees it and sometimes deleting: how a worksheet
   * a group writes together grows, with its items from many clients interleaved (far more
   * work to encode and load than one author appending).
   * 'big': a text of `bytes`, appended in 64 KiB pieces.
   */
  kind: 'paced' | 'burst' | 'authors' | 'big'
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
  if (args.kind === 'authors') return writeTogether(args)
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
  await untilServerHolds(args, expectLength)
  return { expectLength, savedMs }
}

/** The y-websocket provider has no save signal: asks a fresh client until the server has it all. */
async function untilServerHolds(args: WriteArgs, expectLength: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const probe = await timeJoin({ target: args.target, doc: args.doc, expectLength })
    if (probe.complete) return
    if (attempt === 100) throw new Error('the server never held the whole document')
    await new Promise((r) => setTimeout(r, 100))
  }
}

const AUTHORS = 12

/** The 'authors' pattern: 12 clients write one document together, interleaved. */
async function writeTogether(args: WriteArgs) {
  const writers = Array.from({ length: AUTHORS }, () => connectBenchClient(args.target, args.doc))
  await withTimeout(Promise.all(writers.map((w) => w.synced())), 30_000, 'writers to sync')
  const random = seededRandom(20)
  const started = performance.now()
  await new Promise<void>((resolve) => {
    let i = 0
    const timer = setInterval(() => {
      for (let k = 0; k < PACED_PER_TURN && i < args.updates!; k++, i++) {
        const text = writers[i % AUTHORS]!.text
        const at = Math.floor(random() * (text.length + 1))
        if (i % 7 === 6 && text.length > 2) text.delete(Math.min(at, text.length - 2), 2)
        else text.insert(at, `a${i % AUTHORS}.${i} `)
      }
      if (i === args.updates) resolve(clearInterval(timer))
    }, 1)
  })
  await withTimeout(Promise.all(writers.map((w) => w.saved())), 120_000, 'writers to be saved')
  const savedMs = performance.now() - started
  // Every author sees every edit once the relays have arrived.
  const lengths = () => new Set(writers.map((w) => w.text.length))
  for (let waited = 0; lengths().size > 1; waited += 50) {
    if (waited > 60_000) throw new Error('the authors never converged')
    await new Promise((r) => setTimeout(r, 50))
  }
  writers.forEach((w, k) => heldClients.set(k === 0 ? args.doc : `${args.doc}#${k}`, w))
  const expectLength = writers[0]!.text.length
  await untilServerHolds(args, expectLength)
  return { expectLength, savedMs }
}

/** Disconnects the writer (or writers) of `doc`. */
export async function releaseWriter(args: { doc: string }) {
  for (const [name, client] of heldClients) {
    if (name !== args.doc && !name.startsWith(`${args.doc}#`)) continue
    client.destroy()
    heldClients.delete(name)
  }
  return {}
}
