import { useEffect, useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { announce } from '../ui/announce.ts'
import { useAction } from '../ui/useAction.ts'
import { useConfirm } from '../ui/useConfirm.tsx'
import { CallControls } from './CallControls.tsx'
import { CallTile } from './CallTile.tsx'
import { setCallStatus } from './callStatus.ts'
import { noteSpeakers } from './speakingTime.ts'
import type { CallPerson, CallRoom, CallState } from './callTypes.ts'

const STATE_TEXT: Record<CallState, string> = {
  connecting: 'Joining the call…',
  connected: 'In the call',
  reconnecting: 'Reconnecting the call…',
  disconnected: 'The call was disconnected',
}

/** The call's people and state, read again on every change the call reports. */
function useCall(call: CallRoom, sessionId: string): { state: CallState; people: CallPerson[] } {
  const [snapshot, setSnapshot] = useState(() => ({ state: call.state(), people: call.people() }))
  useEffect(() => {
    noteSpeakers(sessionId, call.people())
    return call.subscribe(() => {
      const people = call.people()
      // Speaking time, for the facilitators' "quiet first" order of raised hands.
      noteSpeakers(sessionId, people)
      setSnapshot({ state: call.state(), people })
    })
  }, [call, sessionId])
  return snapshot
}

/**
 * The call in the room's stage: everyone's tile (the one speaking outlined), one's own controls,
 * and for facilitators, muting someone's microphone or taking them out of the call (through the
 * server, which holds LiveKit's admin rights). Nobody can turn anyone else's microphone on.
 */
export function CallGrid({
  call,
  sessionId,
  role,
  blurAtJoin,
  onLeave,
}: {
  call: CallRoom
  sessionId: string
  role: 'facilitator' | 'member'
  blurAtJoin: boolean
  onLeave: () => void
}) {
  const { state, people } = useCall(call, sessionId)
  const { problem, run } = useAction()
  const [dialog, confirm] = useConfirm()
  // The state is shown in the room's header, beside the workspace's connection, and said.
  useEffect(() => setCallStatus(state), [state])
  useEffect(() => () => setCallStatus(null), [])
  const [lastState, setLastState] = useState(state)
  if (state !== lastState) {
    setLastState(state)
    announce(STATE_TEXT[state])
  }
  const act = (person: CallPerson, action: 'mute' | 'remove') =>
    run(async () => {
      if (action === 'remove') {
        const ok = await confirm({
          title: `Take ${person.name} out of the call?`,
          body: (
            <p>
              They leave the call and the session, and cannot come back to this session. Their
              materials stay theirs.
            </p>
          ),
          confirm: 'Take them out',
          cancel: 'Keep them in',
          danger: true,
        })
        if (!ok) return
      }
      await apiRequest(
        `/api/sessions/${sessionId}/video/participants/${person.identity}/${action}`,
        { method: 'POST', schema: z.unknown() },
      )
      announce(action === 'mute' ? `${person.name} is muted.` : `${person.name} left the call.`)
    })
  return (
    <section className="call stack-small" aria-label="Video call">
      {dialog}
      <ul className="call-grid plain-list">
        {people.map((person) => (
          <CallTile key={person.identity} person={person}>
            {role === 'facilitator' && !person.isLocal && (
              <div className="actions">
                {person.microphoneOn && (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`Mute ${person.name}`}
                    onClick={() => void act(person, 'mute')}
                  >
                    Mute
                  </button>
                )}
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={`Take out ${person.name}`}
                  onClick={() => void act(person, 'remove')}
                >
                  Take out
                </button>
              </div>
            )}
          </CallTile>
        ))}
      </ul>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <CallControls
        call={call}
        me={people.find((p) => p.isLocal)}
        member={role === 'member'}
        blurAtJoin={blurAtJoin}
        onLeave={onLeave}
      />
    </section>
  )
}
