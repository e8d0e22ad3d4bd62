import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { DocName } from '../../shared/documents/docName.ts'
import type { AppendEntry } from './DocStore.ts'

/**
 * A batch of entries as one buffer, so that handing it to the writer thread is a transfer
 * instead of a structured clone of many small objects (measured: ~13 µs per 3-entry batch).
 */
export function packEntries(entries: readonly AppendEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { doc, update } of entries) {
    encoding.writeVarString(encoder, doc)
    encoding.writeVarUint8Array(encoder, update)
  }
  return encoding.toUint8Array(encoder)
}

export function unpackEntries(packed: Uint8Array): AppendEntry[] {
  const decoder = decoding.createDecoder(packed)
  const count = decoding.readVarUint(decoder)
  const entries: AppendEntry[] = []
  for (let i = 0; i < count; i++) {
    const doc = decoding.readVarString(decoder) as DocName
    entries.push({ doc, update: decoding.readVarUint8Array(decoder) })
  }
  return entries
}
