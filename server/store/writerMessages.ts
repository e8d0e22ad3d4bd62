import type { AppendEntry } from './DocStore.ts'

/** Messages between `SqliteDocStore` and its writer thread. */
export type WriterRequest =
  | { id: number; op: 'append'; entries: AppendEntry[] }
  | { id: number; op: 'compact'; doc: string; snapshot: Uint8Array; upToSeq: number }
  | { id: number; op: 'delete'; doc: string }
  | { id: number; op: 'close' }
  | { id: number; op: 'ping' }

export type WriterResponse =
  { id: number; ok: true; seqs?: [string, number][] } | { id: number; ok: false; error: string }
