import { useEffect, useState } from 'react'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { describeSignal, silentSignal, type SilentSignal } from './signalSchemas.ts'

const readSignals = (synced: SyncedDoc): SilentSignal[] =>
  synced.doc
    .getArray('signals')
    .toArray()
    .flatMap((raw) => {
      const parsed = silentSignal.safeParse(raw)
      return parsed.success ? [parsed.data] : []
    })

const timeOf = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/**
 * For facilitators: members' silent signals as they arrive, in an assertive live region (the
 * facilitator may be watching the video), each acknowledged with one click. `synced` is the
 * session's signals document, opened once by the facilitator's session page.
 */
export function SignalAlerts({ synced }: { synced: SyncedDoc | null }) {
  // The live region exists from the start, so that the first alert is announced.
  return (
    <div className="signal-alerts" aria-live="assertive" aria-atomic="false">
      {synced && <SignalList synced={synced} />}
    </div>
  )
}

function SignalList({ synced }: { synced: SyncedDoc }) {
  const [signals, setSignals] = useState(() => readSignals(synced))
  const [acknowledged, setAcknowledged] = useState(() => new Set<number>())
  useEffect(() => {
    const list = synced.doc.getArray('signals')
    const onChange = () => setSignals(readSignals(synced))
    onChange()
    list.observe(onChange)
    return () => list.unobserve(onChange)
  }, [synced])
  const open = signals
    .map((s, index) => ({ ...s, index }))
    .filter((s) => !acknowledged.has(s.index))
  if (open.length === 0) return null
  return (
    <ul className="plain-list">
      {open.map((signal) => (
        <li key={signal.index} className="signal-alert" data-kind={signal.kind}>
          <p>
            <strong>{describeSignal(signal)}</strong>{' '}
            <span className="muted">(sent privately at {timeOf(signal.at)})</span>
          </p>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Acknowledge: ${describeSignal(signal)}`}
            onClick={() => setAcknowledged((seen) => new Set(seen).add(signal.index))}
          >
            Acknowledge
          </button>
        </li>
      ))}
    </ul>
  )
}
