import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { playChime } from './playChime.ts'
import { describeSignal, type SignalWithState } from './signalSchemas.ts'
import { useTitleBadge } from './useTitleBadge.ts'
import './signals.css'
import { formatClock } from '../ui/formatSessionTime.ts'
import type { DocName } from '../../shared/documents/docName.ts'

interface SignalBannerProps {
  sessionId: string
  signals: SignalWithState[]
  /** The facilitator's own choice, kept on the server (off unless they turn it on). */
  sound: boolean
  /** Opens a member's private line, to answer them there. */
  onAnswer: (line: DocName, name: string) => void
}

/**
 * For facilitators: members' silent signals not yet marked seen, in a banner fixed to the top
 * of the window whatever they are doing (writing deep in a worksheet, say), announced
 * assertively, counted in the tab's title, with a chime if they asked for one. "Seen" is
 * stored on the server: it clears the banner for every facilitator of the session and tells
 * the member, privately, that it was seen.
 */
export function SignalBanner({ sessionId, signals, sound, onAnswer }: SignalBannerProps) {
  const open = signals.filter((s) => s.seen === null)
  useTitleBadge(open.length, open.length === 1 ? 'Signal' : 'Signals')
  // A chime for each signal that arrives while the page is open, not for those it found.
  const heard = useRef<Set<string> | null>(null)
  useEffect(() => {
    const ids = new Set(signals.map((s) => s.id))
    const known = heard.current
    heard.current = ids
    if (!known || !sound) return
    if (signals.some((s) => s.seen === null && !known.has(s.id))) playChime()
  }, [signals, sound])
  return (
    // The live region exists from the start, so that the first alert is announced.
    <div className="signal-banner" aria-live="assertive" aria-atomic="false">
      {open.length > 0 && (
        <ul className="signal-banner-list" aria-label="Silent signals">
          {open.map((signal) => (
            <SignalRow key={signal.id} sessionId={sessionId} signal={signal} onAnswer={onAnswer} />
          ))}
        </ul>
      )}
    </div>
  )
}

function SignalRow({
  sessionId,
  signal,
  onAnswer,
}: {
  sessionId: string
  signal: SignalWithState
  onAnswer: SignalBannerProps['onAnswer']
}) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const call = async (path: string) => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/sessions/${sessionId}/${path}`, {
        method: 'POST',
        schema: z.unknown(),
      })
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  const words = describeSignal(signal)
  const crisis = signal.kind === 'crisis'
  return (
    <li className="signal-alert" data-kind={signal.kind}>
      <p>
        <strong>{words}</strong>{' '}
        <span className="signal-time">
          {!crisis ? 'Sent privately' : signal.source === 'measure' ? 'Answered' : 'Written'} at{' '}
          {formatClock(signal.at)}.
        </span>
      </p>
      {crisis && (
        <blockquote className="signal-quote">
          {signal.text ?? 'A facilitator has since removed the message.'}
        </blockquote>
      )}
      <div className="actions">
        {crisis && (
          <button
            type="button"
            className="button button--small"
            aria-disabled={busy || signal.resourcesSent !== null || undefined}
            onClick={() =>
              signal.resourcesSent === null && void call(`alerts/${signal.id}/resources`)
            }
          >
            {signal.resourcesSent
              ? `Crisis resources sent by ${signal.resourcesSent.by}`
              : 'Send crisis resources privately'}
          </button>
        )}
        {signal.line && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onAnswer(signal.line!, signal.name)}
          >
            Answer privately
          </button>
        )}
        <button
          type="button"
          className="button button--small"
          aria-label={
            crisis
              ? `Mark as seen: ${words}`
              : `Mark as seen: ${words} ${signal.name} will know you saw it.`
          }
          aria-disabled={busy || undefined}
          onClick={() => void call(`signals/${signal.id}/seen`)}
        >
          Seen
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  )
}
