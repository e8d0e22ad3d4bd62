import type * as Y from 'yjs'
import type { TargetInfo } from './BenchClient.ts'
import { connectBenchClient } from './connectBenchClient.ts'
import { parseTokens } from './editToken.ts'
import { withTimeout } from './withTimeout.ts'

const QUIET_MS = 1_000
const QUIET_MAX_MS = 15_000

/**
 * Resolves once `doc` has had no update for a second (at most 15 s): the y-websocket server
 * answers a client's sync before it has read the document from LevelDB, and sends what it read
 * afterwards as an update.
 */
function quiet(doc: Y.Doc): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, QUIET_MS)
    const cap = setTimeout(done, QUIET_MAX_MS)
    const onUpdate = () => {
      clearTimeout(timer)
      timer = setTimeout(done, QUIET_MS)
    }
    doc.on('update', onUpdate)
    function done() {
      clearTimeout(timer)
      clearTimeout(cap)
      doc.off('update', onUpdate)
      resolve()
    }
  })
}

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
    await quiet(reader.doc)
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
