import { useConfirm } from '../ui/useConfirm.tsx'
import { useEffect, useRef } from 'react'
import { announce } from '../ui/announce.ts'
import { PersonName } from '../ui/PersonName.tsx'
import type { WaitingPerson } from './sessionSchemas.ts'
import { useSessionAction } from './useSessionAction.ts'

/** Who is waiting and who is in, with admitting, sending back and removing. */
export function WaitingRoomPanel({
  sessionId,
  people,
  ended,
  onChanged,
}: {
  sessionId: string
  people: WaitingPerson[]
  /** Ended or cancelled: who came is shown, nothing can be done with them any more. */
  ended: boolean
  onChanged: () => unknown
}) {
  const { run, busy, problem } = useSessionAction(sessionId, onChanged)
  const [dialog, confirm] = useConfirm()
  const waiting = people.filter((p) => p.state === 'waiting')
  const admitted = people.filter((p) => p.state === 'admitted')

  // Announce arrivals: a facilitator may be looking at the video, not at this list.
  const known = useRef<Set<string> | null>(null)
  useEffect(() => {
    const ids = new Set(waiting.map((p) => p.memberId))
    if (known.current) {
      const arrived = waiting.filter((p) => !known.current!.has(p.memberId))
      if (arrived.length > 0) {
        announce(`${arrived.map((p) => p.pseudonym).join(', ')} waiting to be admitted.`)
      }
    }
    known.current = ids
  }, [waiting])

  const act = (path: string, person: WaitingPerson, done: string) =>
    void run(path, { memberId: person.memberId }, done)
  const remove = async (person: WaitingPerson) => {
    const ok = await confirm({
      title: `Remove ${person.pseudonym} from the session?`,
      body: (
        <p>
          They leave the room at once and cannot come back to this session. To let them rest in the
          waiting room instead, use “Send back”.
        </p>
      ),
      confirm: `Remove ${person.pseudonym}`,
      cancel: 'Keep them',
      danger: true,
    })
    if (ok) act('remove', person, `${person.pseudonym} removed from the session.`)
  }
  // Offered both to people waiting and to people already in the room.
  const removeButton = (person: WaitingPerson) => (
    <button
      type="button"
      className="button button--quiet-danger button--small"
      aria-disabled={busy !== null || undefined}
      aria-label={`Remove ${person.pseudonym} from the session`}
      onClick={() => void remove(person)}
    >
      Remove
    </button>
  )
  if (ended) {
    return (
      <section className="panel" aria-labelledby="waiting-room-heading">
        <h2 id="waiting-room-heading" className="panel-heading">
          Who came
        </h2>
        {admitted.length === 0 ? (
          <p className="muted">No one was admitted to this session.</p>
        ) : (
          <ul className="people-list" aria-label="Who came">
            {admitted.map((person) => (
              <li key={person.memberId} className="people-item">
                <PersonName name={person.pseudonym} colour={person.colour} />
                <CallTime person={person} />
              </li>
            ))}
          </ul>
        )}
      </section>
    )
  }
  return (
    <section className="panel" aria-labelledby="waiting-room-heading">
      {dialog}
      <h2 id="waiting-room-heading" className="panel-heading">
        Waiting room <span className="count">({waiting.length})</span>
      </h2>
      {waiting.length === 0 ? (
        <p className="muted">No one is waiting.</p>
      ) : (
        <>
          <ul className="people-list" aria-label="Waiting">
            {waiting.map((person) => (
              <li key={person.memberId} className="people-item people-item--actions">
                <PersonName name={person.pseudonym} colour={person.colour} />
                <span className="actions">
                  <button
                    type="button"
                    className="button button--primary button--small"
                    aria-disabled={busy !== null || undefined}
                    aria-label={`Admit ${person.pseudonym}`}
                    onClick={() => act('admit', person, `${person.pseudonym} admitted.`)}
                  >
                    Admit
                  </button>
                  {removeButton(person)}
                </span>
              </li>
            ))}
          </ul>
          {waiting.length > 1 && (
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy !== null || undefined}
              onClick={() => void run('admit', { all: true }, 'Everyone waiting was admitted.')}
            >
              Admit everyone ({waiting.length})
            </button>
          )}
        </>
      )}
      {admitted.length > 0 && (
        <>
          <h3 className="panel-subheading">Admitted</h3>
          <ul className="people-list" aria-label="Admitted">
            {admitted.map((person) => (
              <li key={person.memberId} className="people-item people-item--actions">
                <PersonName name={person.pseudonym} colour={person.colour} />
                <CallTime person={person} />
                <span className="actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-disabled={busy !== null || undefined}
                    aria-label={`Send back ${person.pseudonym} to the waiting room`}
                    onClick={() =>
                      act('return', person, `${person.pseudonym} is back in the waiting room.`)
                    }
                  >
                    Send back
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-disabled={busy !== null || undefined}
                    aria-label={`Pause chat for ${person.pseudonym}`}
                    onClick={() =>
                      act(
                        'chat/mutes',
                        person,
                        `${person.pseudonym}'s chat messages are paused. They can still write to you privately.`,
                      )
                    }
                  >
                    Pause chat
                  </button>
                  {removeButton(person)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}

/** Their time in the video call, from LiveKit's webhooks: now, or for how long they were in it. */
function CallTime({ person }: { person: WaitingPerson }) {
  if (person.callJoinedAt === null) return null
  if (person.inCall) return <span className="muted"> · in the call</span>
  const minutes = Math.max(1, Math.round(((person.callLeftAt ?? 0) - person.callJoinedAt) / 60_000))
  return <span className="muted"> · in the call for {minutes} min</span>
}
