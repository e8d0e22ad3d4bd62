import * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import type { DocStore } from '../store/DocStore.ts'
import { DocRoom } from './DocRoom.ts'
import { replayStored, type Damage } from './replayStored.ts'
import type { SyncConnection } from './SyncConnection.ts'

export interface LoadRoomOptions {
  store: DocStore
  seed?: (name: DocName) => Uint8Array | null | Promise<Uint8Array | null>
  maxBytes?: (name: DocName) => number
  serverPresence?: (name: DocName) => boolean
}

/**
 * Reads a document from the store into a new room, seeding it when it was never written.
 * `damage` says what did not load (the room is then read-only).
 */
export async function loadRoom(
  name: DocName,
  opts: LoadRoomOptions,
): Promise<{ room: DocRoom<SyncConnection>; damage: Damage | null }> {
  const stored = await opts.store.load(name)
  const doc = new Y.Doc({ gc: true })
  const damage = replayStored(doc, stored)
  let { lastSeq } = stored
  let rows = stored.updates.length
  if (!damage && !stored.snapshot && rows === 0) {
    // A seed is the same update wherever it is made (see worksheetUpdate): two instances that
    // seed a new document at once store it twice, and Yjs applies it once.
    const seed = await opts.seed?.(name)
    if (seed) {
      Y.applyUpdate(doc, seed)
      lastSeq = (await opts.store.append([{ doc: name, update: seed }])).get(name) ?? 0
      rows = 1
    }
  }
  const room = new DocRoom<SyncConnection>(
    name,
    doc,
    {
      lastSeq,
      rows,
      bytes: stored.updateBytes,
      snapshotBytes: stored.snapshot?.byteLength ?? 0,
    },
    opts.maxBytes?.(name),
  )
  room.damaged = damage !== null
  room.serverPresenceOnly = opts.serverPresence?.(name) ?? false
  return { room, damage }
}
