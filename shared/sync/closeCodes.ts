/**
 * Close codes the sync server uses. The stock y-websocket provider does not reconnect after a
 * code in 4400–4499 (a deliberate refusal) and reconnects with backoff after anything else, so
 * transient conditions live in 4500–4599.
 */
export const CloseCode = {
  /** Server shutting down; clients reconnect to the next instance. */
  goingAway: 1001,
  /** `ws` enforces the frame cap itself and closes with the standard "message too big". */
  frameTooLarge: 1009,
  /** The frame could not be decoded, or carried an update Yjs rejects. */
  malformedFrame: 4400,
  /** The credentials expired or were revoked while the socket was open. */
  unauthenticated: 4401,
  /** The principal lost its right to this document. */
  forbidden: 4403,
  /** An update larger than the decode cap. Resending it cannot succeed. */
  updateTooLarge: 4413,
  /**
   * The document reached its size cap (per kind, `DOC_BYTE_CAPS`); nothing more can be added.
   * Resending cannot succeed, so clients do not reconnect to retry.
   */
  documentFull: 4414,
  /**
   * The stored document did not load whole (a lost or unreadable row). It can be read; writes
   * are refused until an operator restores it, and clients do not reconnect to retry.
   */
  documentDamaged: 4422,
  /** Too many sockets for one person at once. */
  tooManySockets: 4429,
  /** A multiplexed socket asked for more documents at once than the server allows. */
  tooManyDocuments: 4430,
  /** Too many messages or bytes per second; the client may come back after backoff. */
  rateLimited: 4529,
  /** The server discarded its in-memory copy of the document; reconnect to resync. */
  documentReset: 4503,
  /**
   * The update depends on changes the server has not seen (a race between tabs, or a forged
   * update). Reconnecting runs a full sync, which sends what is missing.
   */
  unknownDependencies: 4509,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

const names = new Map<number, string>(Object.entries(CloseCode).map(([k, v]) => [v, k]))

/** The name of a close code, for logs and tests (`closeCodeName(4400) === 'malformedFrame'`). */
export function closeCodeName(code: number): string {
  return names.get(code) ?? `unknown(${code})`
}
