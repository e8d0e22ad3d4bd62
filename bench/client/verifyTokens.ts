import type { TargetInfo } from './BenchClient.ts'
import { connectBenchClient } from './connectBenchClient.ts'
import { parseTokens } from './editToken.ts'
import { withTimeout } from './withTimeout.ts'

/**
 * Reads each document from a (restarted) server and counts the tokens in `saved` that are not
 * in it: edits a client had been told were saved, and which are gone.
 */
export async function verifyTokens(args: { target: TargetInfo; saved: Record<string, string[]> }) {
  let lost = 0
  let saved = 0
  let present = 0
  const lostExamples: string[] = []
  for (const [doc, tokens] of Object.entries(args.saved)) {
    const reader = connectBenchClient(args.target, doc)
    await withTimeout(reader.synced(), 60_000, `reader of ${doc}`)
    const text = reader.text.toString()
    reader.destroy()
    const found = new Set(parseTokens(text).map((t) => `[${t.member}.${t.seq}@`))
    present += found.size
    for (const token of tokens) {
      saved++
      if (found.has(token.slice(0, token.indexOf('@') + 1))) continue
      lost++
      if (lostExamples.length < 5) lostExamples.push(`${doc} ${token}`)
    }
  }
  return { saved, lost, present, lostExamples }
}
