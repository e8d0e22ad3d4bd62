import type { TargetInfo } from './BenchClient.ts'
import { formatToken, tokensInUpdate } from './editToken.ts'
import { connectMembers, startTyping } from './roomMembers.ts'
import { sleepUntil } from './sleepUntil.ts'

export interface DurabilityArgs {
  target: TargetInfo
  rooms: number
  members: number
  intervalMs: number
  /** When, after typing starts, to SIGKILL the server. */
  killAfterMs: number
  /** Prefix of the document names, so each round has its own. */
  prefix: string
}

const SETTLE_MS = 300

/**
 * Runs the group workload, SIGKILLs the server in the middle of it, and returns, per
 * document, every token its writer had been told was saved, and every token another member
 * had received (what a server without a save signal can be judged by: the edit was accepted
 * and passed on). Acks and relays already on the wire when the server died still arrive and
 * count. The writers are then dropped, so none of them can resend what the server lost.
 */
export async function durabilityRound(args: DurabilityArgs) {
  const members = await connectMembers(args.target, args.rooms, args.members, args.prefix)
  const saved: Record<string, string[]> = {}
  const relayed: Record<string, Set<string>> = {}
  for (const m of members) {
    saved[m.doc] = []
    relayed[m.doc] = new Set()
    m.client.doc.on('update', (update: Uint8Array, _origin: unknown, _doc: unknown, tr) => {
      if ((tr as { local: boolean }).local) return
      for (const t of tokensInUpdate(update)) relayed[m.doc]!.add(`[${t.member}.${t.seq}@`)
    })
  }
  const seqs = new Array<number>(members.length).fill(0)
  let sent = 0
  let killed = false
  const start = performance.now()
  const stop = startTyping(members, args.intervalMs, (m) => {
    if (killed) return
    const token = formatToken(m.index, seqs[m.index]!++, performance.now())
    m.client.text.insert(m.client.text.length, token)
    sent++
    m.client.track(() => saved[m.doc]!.push(token))
  })
  await sleepUntil(start + args.killAfterMs)
  killed = true
  process.kill(args.target.pid, 'SIGKILL')
  stop()
  await new Promise((r) => setTimeout(r, SETTLE_MS))
  for (const m of members) m.client.destroy()
  const seen = Object.fromEntries(Object.entries(relayed).map(([doc, set]) => [doc, [...set]]))
  return { sent, saved, relayed: seen }
}
