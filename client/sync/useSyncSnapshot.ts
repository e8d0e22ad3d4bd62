import { useSyncExternalStore } from 'react'
import type { SyncedDoc, SyncSnapshot } from './openSyncedDoc.ts'

/** The connection state of a synced document, and whether its first sync has happened. */
export function useSyncSnapshot(synced: SyncedDoc): SyncSnapshot {
  return useSyncExternalStore(synced.subscribe, synced.getSnapshot)
}
