import type { DocName } from '../../shared/documents/docName.ts'

/** What a store holds for one document: the latest snapshot, then the updates after it. */
export interface StoredDoc {
  /** A full-state update written by compaction, or null when never compacted. */
  snapshot: Uint8Array | null
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[]
  /** Position of the newest row read; compaction folds everything up to it. */
  lastSeq: number
  /** Bytes of `updates`, so that the caller knows when compaction is due. */
  updateBytes: number
  /**
   * Rows that did not decrypt (tampered with, moved, or their key erased), left out of the
   * above; the first reason names the record. Absent when every row opened.
   */
  rejected?: { rows: number; reason: string }
}

export interface AppendEntry {
  doc: DocName
  update: Uint8Array
}

/**
 * The port every document store implements (SQLite now, PostgreSQL next). Deliberately narrow:
 * an append-only log per document with snapshots. Every method is atomic; `append` commits the
 * whole batch in one transaction so that one tick of edits costs one commit.
 */
export interface DocStore {
  /** Everything stored for `doc`; an empty log (no snapshot, no updates) when never written. */
  load(doc: DocName): Promise<StoredDoc>
  /** Appends every entry in one transaction; returns each document's newest sequence number. */
  append(entries: readonly AppendEntry[]): Promise<Map<DocName, number>>
  /**
   * Replaces the snapshot of `doc` by `snapshot`, which must contain every update up to
   * `upToSeq`, and deletes those updates, in one transaction.
   */
  compact(doc: DocName, snapshot: Uint8Array, upToSeq: number): Promise<void>
  /** Removes the document and its whole history. */
  delete(doc: DocName): Promise<void>
  /**
   * The names of every document stored (log, snapshot or both) that start with `prefix`: an
   * exact prefix, no character of it a wildcard; each name once, in code point order. Only what
   * is committed: a caller that relays edits drains them first (`SyncServer.drain`).
   */
  names(prefix: string): Promise<DocName[]>
  close(): Promise<void>
}
