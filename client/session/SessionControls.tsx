import { useConfirm } from '../ui/useConfirm.tsx'
import type { SessionStatus, SessionView } from './sessionSchemas.ts'
import { useSessionAction } from './useSessionAction.ts'

interface Step {
  to: SessionStatus
  label: string
  done: string
  variant: 'primary' | 'secondary' | 'quiet-danger'
  /** Asked first, for what cannot be undone. */
  confirm?: { title: string; body: string; confirm: string; cancel: string }
}

const END = {
  title: 'End the session for everyone?',
  body: 'Everyone in the room and the waiting room leaves it, and the session cannot be reopened. What the group wrote stays saved.',
  confirm: 'End the session',
  cancel: 'Keep it going',
}
const CANCEL = {
  title: 'Cancel this session?',
  body: 'Members will see that it was cancelled, and it cannot be reopened.',
  confirm: 'Cancel the session',
  cancel: 'Keep the session',
}

/** What a facilitator can do next with a session: scheduled → open → live → ended. */
const NEXT_STEPS: Record<SessionStatus, Step[]> = {
  scheduled: [
    {
      to: 'open',
      label: 'Open the waiting room',
      done: 'The waiting room is open.',
      variant: 'primary',
    },
    {
      to: 'cancelled',
      label: 'Cancel the session',
      done: 'The session was cancelled.',
      variant: 'quiet-danger',
      confirm: CANCEL,
    },
  ],
  open: [
    {
      to: 'live',
      label: 'Start the session',
      done: 'The session has started.',
      variant: 'primary',
    },
    {
      to: 'ended',
      label: 'End the session',
      done: 'The session has ended.',
      variant: 'quiet-danger',
      confirm: END,
    },
  ],
  live: [
    {
      to: 'ended',
      label: 'End the session',
      done: 'The session has ended.',
      variant: 'quiet-danger',
      confirm: END,
    },
  ],
  ended: [],
  cancelled: [],
}

/** Opening, starting and ending the session, and locking it against new arrivals. */
export function SessionControls({
  session,
  onChanged,
}: {
  session: SessionView
  onChanged: () => unknown
}) {
  const { run, busy, problem } = useSessionAction(session.id, onChanged)
  const [dialog, confirm] = useConfirm()
  const take = async (step: Step) => {
    if (
      step.confirm &&
      !(await confirm({ ...step.confirm, body: <p>{step.confirm.body}</p>, danger: true }))
    )
      return
    await run('status', { status: step.to }, step.done)
  }
  const steps = NEXT_STEPS[session.status]
  const canLock = session.status === 'open' || session.status === 'live'
  return (
    <section className="panel" aria-labelledby="controls-heading">
      {dialog}
      <h2 id="controls-heading" className="panel-heading">
        Session
      </h2>
      {steps.length === 0 ? (
        <p className="muted">
          {session.status === 'ended' ? 'This session has ended.' : 'This session was cancelled.'}
        </p>
      ) : (
        <div className="actions">
          {steps.map((step) => (
            <button
              key={step.to}
              type="button"
              className={`button button--${step.variant}`}
              aria-disabled={busy !== null || undefined}
              onClick={() => void take(step)}
            >
              {step.label}
            </button>
          ))}
        </div>
      )}
      {canLock && (
        <div className="stack-small">
          <div>
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={session.locked}
              aria-describedby="lock-hint"
              onClick={() =>
                void run(
                  'lock',
                  { locked: !session.locked },
                  session.locked ? 'The session is unlocked.' : 'The session is locked.',
                )
              }
            >
              Lock the session
            </button>
          </div>
          <p id="lock-hint" className="field-hint">
            {session.locked
              ? 'Locked: no one new can enter the waiting room. Press again to unlock.'
              : 'Locking stops anyone new from entering the waiting room.'}
          </p>
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
