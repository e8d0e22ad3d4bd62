import * as Y from 'yjs'
import type { Logger } from '../log/logger.ts'
import type { DocStore } from '../store/DocStore.ts'
import type { DocRoom, RoomMember } from './DocRoom.ts'

/**
 * Folds a room's log into a snapshot taken from the live document (never `Y.mergeUpdates` over
 * the log: it grows quadratically). The snapshot may already hold updates not yet committed;
 * replaying them later is harmless, since applying an update twice changes nothing. A failure
 * is logged and leaves the log as it was, to be folded next time.
 */
export async function compactRoom<M extends RoomMember>(
  room: DocRoom<M>,
  store: DocStore,
  log: Logger,
): Promise<void> {
  // A damaged document is never folded: its log is what an operator restores from.
  if (room.broken || room.damaged) return
  const started = performance.now()
  const snapshot = Y.encodeStateAsUpdate(room.doc)
  const upToSeq = room.lastSeq
  const folded = {
    rows: room.rowsSinceSnapshot,
    bytes: room.bytesSinceSnapshot,
    updates: room.updatesSinceSnapshot,
  }
  try {
    await store.compact(room.name, snapshot, upToSeq)
    log.debug(
      {
        doc: room.name,
        rows: room.rowsSinceSnapshot,
        bytes: snapshot.byteLength,
        ms: Math.round(performance.now() - started),
      },
      'compacted',
    )
    // Rows appended while this ran stay counted for the next compaction.
    room.rowsSinceSnapshot -= folded.rows
    room.bytesSinceSnapshot -= folded.bytes
    room.updatesSinceSnapshot -= folded.updates
    room.size = snapshot.byteLength + room.bytesSinceSnapshot
  } catch (error) {
    log.error({ err: error, doc: room.name }, 'compaction failed')
  }
}

/** Whether a room's log has grown enough since its snapshot to fold it now. */
export function isCompactionDue(
  room: DocRoom<RoomMember>,
  limits: { maxRows: number; maxBytes: number },
): boolean {
  return (
    room.rowsSinceSnapshot >= limits.maxRows ||
    room.updatesSinceSnapshot >= limits.maxRows ||
    room.bytesSinceSnapshot >= limits.maxBytes
  )
}

/**
 * More than one row or update since the snapshot: folding them now means the next load reads
 * a single row (before unloading, and at a graceful stop).
 */
export function hasLogToFold(room: DocRoom<RoomMember>): boolean {
  return room.rowsSinceSnapshot > 1 || room.updatesSinceSnapshot > 1
}
