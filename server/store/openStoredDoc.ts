import type { DocName } from '../../shared/documents/docName.ts'
import type { StoredDoc } from './DocStore.ts'
import { openSnapshot, openUpdate } from './docCipher.ts'

/** A stored row as either store reads it, its place and flag already plain numbers. */
export interface ReadRow {
  seq: number
  data: Uint8Array
  sealed: number
}

/**
 * The document's key, asked for once and only when a row is sealed; it may throw (`KeyErased`),
 * which counts the sealed rows rejected. Null: the store was given no key ring.
 */
export type RowKey = (() => Uint8Array) | null

/**
 * What `load` returns, from the snapshot row (if any) and the update rows after it: each
 * opened with the document's key, those that do not open left out and counted.
 */
export function openStoredDoc(
  key: RowKey,
  doc: DocName,
  snap: ReadRow | undefined,
  rows: readonly ReadRow[],
): StoredDoc {
  const after = snap?.seq ?? 0
  const opener = new RowOpener(key, doc)
  const snapshot = snap ? opener.open(snap.data, snap.sealed, openSnapshot, after) : null
  let updateBytes = 0
  const updates: Uint8Array[] = []
  for (const row of rows) {
    const update = opener.open(row.data, row.sealed, openUpdate, row.seq)
    if (!update) continue
    updateBytes += update.byteLength
    updates.push(update)
  }
  const loaded: StoredDoc = { snapshot, updates, lastSeq: rows.at(-1)?.seq ?? after, updateBytes }
  if (opener.rejected > 0) {
    loaded.rejected = { rows: opener.rejected, reason: opener.reason ?? 'unknown' }
  }
  return loaded
}

/**
 * Opens one document's rows, counting those that do not open (changed on disk, moved, or
 * their key erased) instead of throwing: the caller serves what is sound and reports the rest.
 */
class RowOpener {
  rejected = 0
  reason: string | null = null
  #key: Uint8Array | null | undefined
  readonly #source: RowKey
  readonly #doc: DocName

  constructor(source: RowKey, doc: DocName) {
    this.#source = source
    this.#doc = doc
  }

  open(
    data: Uint8Array,
    sealed: number,
    opener: (key: Uint8Array, doc: string, place: number, data: Uint8Array) => Uint8Array,
    place: number,
  ): Uint8Array | null {
    if (!sealed) return data
    try {
      const key = this.#keyOf()
      if (!key) throw new Error('no key ring was given to open sealed rows')
      return opener(key, this.#doc, place, data)
    } catch (error) {
      this.rejected++
      this.reason ??= error instanceof Error ? error.message : String(error)
      return null
    }
  }

  #keyOf(): Uint8Array | null {
    if (this.#key === undefined) this.#key = this.#source?.() ?? null
    return this.#key
  }
}
