import * as Y from 'yjs'

/**
 * The short string each member types: who, which edit, and when it was sent (performance.now()
 * of the client process, which hosts every member, so sender and receivers share the clock).
 */
export function formatToken(member: number, seq: number, sentAt: number): string {
  return `[${member}.${seq}@${sentAt.toFixed(3)}]`
}

const TOKEN = /\[(\d+)\.(\d+)@(\d+\.\d+)\]/g

/** Every token in `text`, in order. */
export function parseTokens(text: string): { member: number; seq: number; sentAt: number }[] {
  const tokens = []
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ member: Number(m[1]), seq: Number(m[2]), sentAt: Number(m[3]) })
  }
  return tokens
}

/**
 * The tokens inserted by a Yjs update. A token is ASCII and inserted as one string, which an
 * update carries as its bytes, so the update is scanned as text: decoding it (`Y.decodeUpdate`)
 * cost the client process as much as applying it, and the client's core is the scarce one.
 */
export function tokensInUpdate(update: Uint8Array) {
  return parseTokens(
    Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1'),
  )
}

/** The same by decoding the update's structs; the check of `tokensInUpdate` in its test. */
export function tokensInDecodedUpdate(update: Uint8Array) {
  const tokens = []
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) {
      tokens.push(...parseTokens(struct.content.str))
    }
  }
  return tokens
}
