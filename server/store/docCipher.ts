import type { DocName } from '../../shared/documents/docName.ts'
import { open, seal } from '../crypto/seal.ts'

/**
 * How a document store gets the data key that seals a document's rows. Throws (`KeyErased`)
 * for a document whose key was destroyed: such a document can be neither read nor written.
 */
export interface DocCipher {
  /** The document's key, from a ring that may be asynchronous (the PostgreSQL store's path). */
  key(doc: DocName): Promise<Uint8Array>
  /**
   * The document's key without waiting, for the synchronous SQLite store (file ring only). The
   * database ring answers only for a key `key` already loaded (`KeyNotLoaded` otherwise).
   */
  keyOf(doc: DocName): Uint8Array
}

/**
 * The associated data of a stored row: the document's name and the row's place in it, so a
 * row moved to another document, or a snapshot given another position, fails to open.
 */
const updateContext = (doc: string, seq: number) => `doc ${doc} update ${seq}`
const snapshotContext = (doc: string, upToSeq: number) => `doc ${doc} snapshot ${upToSeq}`

export const sealUpdate = (key: Uint8Array, doc: string, seq: number, update: Uint8Array) =>
  seal(key, update, updateContext(doc, seq))
export const openUpdate = (key: Uint8Array, doc: string, seq: number, data: Uint8Array) =>
  open(key, data, updateContext(doc, seq))
export const sealSnapshot = (key: Uint8Array, doc: string, upToSeq: number, data: Uint8Array) =>
  seal(key, data, snapshotContext(doc, upToSeq))
export const openSnapshot = (key: Uint8Array, doc: string, upToSeq: number, data: Uint8Array) =>
  open(key, data, snapshotContext(doc, upToSeq))
