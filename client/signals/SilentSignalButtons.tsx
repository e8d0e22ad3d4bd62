import { useEffect, useEffectEvent, useId, useState } from 'react'
import type * as Y from 'yjs'
import { z } from 'zod'
import { LINE_SIGNALS } from '../../shared/signals/signalDocs.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import type { ConnectionState } from '../sync/openSyncedDoc.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { latestLineSignal, type SignalKind } from './signalSchemas.ts'

const CHOICES: { kind: SignalKind; label: string }[] = [
  { kind: 'need-a-moment', label: 'I need a moment' },
  { kind: 'not-ok', label: 'I’m not OK' },
]

type Sending =
  | { phase: 'idle' }
  | { phase: 'sending'; kind: SignalKind }
  /** Not sent: no connection. Sent when it returns, unless the member takes it back. */
  | { phase: 'waiting'; kind: SignalKind }
  | { phase: 'failed'; message: string }

const sendSignal = (sessionId: string, kind: SignalKind) =>
  apiRequest(`/api/sessions/${sessionId}/signal`, {
    method: 'POST',
    body: { kind },
    schema: z.object({ id: z.string() }),
  })

interface SilentSignalButtonsProps {
  sessionId: string
  /** The member's private line, where the server says a signal was seen (null: not open yet). */
  lineDoc: Y.Doc | null
  /** The room's connection: a press while offline waits for it. */
  connection: ConnectionState
}

/**
 * The silent signal: a member tells the facilitators privately, without speaking up in the
 * group. No one else in the room sees it. What the status line says is what happened: "sent"
 * only once the server has it, "seen" only once a facilitator marked it seen.
 */
export function SilentSignalButtons({ sessionId, lineDoc, connection }: SilentSignalButtonsProps) {
  const id = useId()
  const [sending, setSending] = useState<Sending>({ phase: 'idle' })
  const latest = useSharedMap(lineDoc, LINE_SIGNALS, latestLineSignal)
  const online = connection !== 'offline'

  const send = async (kind: SignalKind) => {
    if (!navigator.onLine || !online) return setSending({ phase: 'waiting', kind })
    setSending({ phase: 'sending', kind })
    try {
      await sendSignal(sessionId, kind)
      setSending({ phase: 'idle' })
    } catch (error) {
      const problem = toApiError(error)
      setSending(
        problem.status === 0
          ? { phase: 'waiting', kind }
          : { phase: 'failed', message: problem.message },
      )
    }
  }
  // A signal held back while offline goes as soon as the room is connected again.
  const retry = useEffectEvent(() => {
    if (sending.phase === 'waiting') void send(sending.kind)
  })
  useEffect(() => {
    if (connection !== 'connected') return
    // A moment's grace: a connection that flaps back and forth sends once it holds.
    const timer = setTimeout(retry, 500)
    // The socket may have outlived a short loss of network: the browser's "online" counts too.
    let again: ReturnType<typeof setTimeout> | undefined
    const onOnline = () => (again = setTimeout(retry, 500))
    window.addEventListener('online', onOnline)
    return () => {
      clearTimeout(timer)
      clearTimeout(again)
      window.removeEventListener('online', onOnline)
    }
  }, [connection])

  const busy = sending.phase === 'sending'
  return (
    <section className="panel signal-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Tell your facilitator privately
      </h2>
      <p className="muted">Only your facilitators see this. The group does not.</p>
      <div className="actions">
        {CHOICES.map((choice) => (
          <button
            key={choice.kind}
            type="button"
            className="button button--secondary button--small"
            aria-disabled={busy || undefined}
            onClick={() => !busy && void send(choice.kind)}
          >
            {choice.label}
          </button>
        ))}
      </div>
      <p role="status" className="signal-sent">
        {sending.phase === 'sending'
          ? 'Sending…'
          : sending.phase === 'waiting'
            ? 'Not sent yet: Hearth cannot be reached. It will be sent when the connection is back.'
            : sending.phase === 'idle' && latest
              ? latest.seenAt === null
                ? 'Sent. Your facilitator will see it soon.'
                : 'Your facilitator has seen your message.'
              : ''}
      </p>
      {sending.phase === 'waiting' && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => setSending({ phase: 'idle' })}
        >
          Don’t send it
        </button>
      )}
      {sending.phase === 'failed' && (
        <p className="field-error" role="alert">
          {sending.message}
        </p>
      )}
    </section>
  )
}
