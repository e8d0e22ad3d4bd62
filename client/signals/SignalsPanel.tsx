import { useId, useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { CheckboxField } from '../ui/CheckboxField.tsx'
import { playChime } from './playChime.ts'
import { describeSignal, type SignalWithState } from './signalSchemas.ts'
import './signals.css'
import { formatClock } from '../ui/formatSessionTime.ts'

interface SignalsPanelProps {
  signals: SignalWithState[]
  sound: boolean
  onSoundChange: (sound: boolean) => void
}

/**
 * For facilitators, in the side panel: the session's signals so far, who saw each one and
 * when, and whether a chime plays when one arrives (remembered on the server, per facilitator).
 */
export function SignalsPanel({ signals, sound, onSoundChange }: SignalsPanelProps) {
  const id = useId()
  const [problem, setProblem] = useState<string | null>(null)
  const choose = async (on: boolean) => {
    setProblem(null)
    onSoundChange(on)
    if (on) playChime()
    try {
      await apiRequest('/api/me/preferences', {
        method: 'PUT',
        body: { signalSound: on },
        schema: z.unknown(),
      })
    } catch (error) {
      onSoundChange(!on)
      setProblem(toApiError(error).message)
    }
  }
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Silent signals
      </h2>
      {signals.length === 0 ? (
        <p className="muted">No one has signalled in this session.</p>
      ) : (
        <ul className="plain-list signal-history">
          {[...signals].reverse().map((signal) => (
            <li key={signal.id}>
              {describeSignal(signal)}{' '}
              <span className="muted">
                {formatClock(signal.at)} ·{' '}
                {signal.seen
                  ? `seen by ${signal.seen.by} at ${formatClock(signal.seen.at)}`
                  : 'not seen yet'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <CheckboxField
        id={`${id}-sound`}
        label="Play a chime when a signal arrives"
        hint="Remembered for your account, on any computer."
        checked={sound}
        onChange={(on) => void choose(on)}
        error={problem ?? undefined}
      />
    </section>
  )
}
