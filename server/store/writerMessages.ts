/** Messages between `SqliteDocStore` and its writer thread. */
export type WriterRequest =
  /** `packed` is `packEntries(rows)`, transferred rather than cloned. */
  | { id: number; op: 'append'; packed: Uint8Array }
  | {
      id: number
      op: 'compact'
      doc: string
      snapshot: Uint8Array
      upToSeq: number
      sealed: boolean
    }
  | { id: number; op: 'delete'; doc: string }
  | { id: number; op: 'close' }
  | { id: number; op: 'ping' }

export type WriterResponse =
  | { id: number; ok: true; seqs?: [string, number][] }
  | { id: number; ok: false; error: string; sqliteCode: number | null }
