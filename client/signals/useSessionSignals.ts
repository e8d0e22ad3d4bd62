import { useEffect, useState } from 'react'
import { SIGNALS_LIST, SIGNALS_RESOURCES, SIGNALS_SEEN } from '../../shared/signals/signalDocs.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { readSessionSignals, type SignalWithState } from './signalSchemas.ts'

/** The session's silent signals with their seen marks, live (facilitators' signals document). */
export function useSessionSignals(synced: SyncedDoc | null): SignalWithState[] {
  const [signals, setSignals] = useState<SignalWithState[]>([])
  useEffect(() => {
    if (!synced) return
    const list = synced.doc.getArray(SIGNALS_LIST)
    const seen = synced.doc.getMap(SIGNALS_SEEN)
    const sent = synced.doc.getMap(SIGNALS_RESOURCES)
    const onChange = () => setSignals(readSessionSignals(synced.doc))
    onChange()
    list.observe(onChange)
    seen.observe(onChange)
    sent.observe(onChange)
    return () => {
      list.unobserve(onChange)
      seen.unobserve(onChange)
      sent.unobserve(onChange)
    }
  }, [synced])
  return signals
}
