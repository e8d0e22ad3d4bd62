import { useCallback, useSyncExternalStore } from 'react'
import type { SaveStatus } from '../../shared/sync/SaveState.ts'
import type { SyncedDoc } from './openSyncedDoc.ts'

/** Whether the local edits of a synced document are durable on the server. */
export function useSaveStatus(synced: SyncedDoc): SaveStatus {
  const subscribe = useCallback((onChange: () => void) => synced.save.subscribe(onChange), [synced])
  return useSyncExternalStore(subscribe, () => synced.save.status)
}
