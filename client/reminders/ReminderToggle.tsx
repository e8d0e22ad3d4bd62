import { useEffect, useState } from 'react'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import {
  currentSubscription,
  pushSupported,
  ReminderProblem,
  subscribeThisDevice,
  unsubscribeThisDevice,
} from './pushSubscription.ts'

type State = 'checking' | 'unsupported' | 'off' | 'on'

/**
 * Reminders without email: on this device, a notification an hour before each session that
 * says only "Your group meets in 1 hour". Per device, and off until the member turns it on.
 */
export function ReminderToggle() {
  const [state, setState] = useState<State>(() => (pushSupported() ? 'checking' : 'unsupported'))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (!pushSupported()) return
    let live = true
    currentSubscription().then(
      (s) => live && setState(s ? 'on' : 'off'),
      () => live && setState('off'),
    )
    return () => {
      live = false
    }
  }, [])
  const change = async (on: boolean) => {
    if (busy || state === 'checking') return
    setBusy(true)
    setProblem(null)
    try {
      if (on) await subscribeThisDevice()
      else await unsubscribeThisDevice()
      setState(on ? 'on' : 'off')
      announce(on ? 'Reminders are on for this device.' : 'Reminders are off for this device.')
    } catch (error) {
      setProblem(error instanceof ReminderProblem ? error.message : toApiError(error).message)
    }
    setBusy(false)
  }
  if (state === 'unsupported') {
    return (
      <p className="muted">
        This browser cannot show reminders. The calendar link below works everywhere.
      </p>
    )
  }
  return (
    <div className="stack-small">
      <p>
        {state === 'on'
          ? 'Reminders are on for this device: an hour before each session.'
          : 'Get a reminder on this device an hour before each session.'}{' '}
        <span className="muted">
          It says only “Your group meets in 1 hour”, never the group’s name or theme.
        </span>
      </p>
      <FormProblem message={problem} />
      <div>
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={busy || state === 'checking' || undefined}
          onClick={() => void change(state !== 'on')}
        >
          {busy
            ? 'One moment…'
            : state === 'on'
              ? 'Turn reminders off here'
              : 'Remind me on this device'}
        </button>
      </div>
    </div>
  )
}
