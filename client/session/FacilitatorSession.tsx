import { useCallback, useEffect, useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError, type ApiError } from '../api/ApiError.ts'
import type { FacilitatorMe } from '../auth/meSchema.ts'
import { SignInPrompt } from '../auth/SignInPrompt.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { RoomView } from './RoomView.tsx'
import { SessionControls } from './SessionControls.tsx'
import { sessionEntry, waitingRoom, type SessionEntry, type WaitingRoom } from './sessionSchemas.ts'
import { usePolling } from '../polling/usePolling.ts'
import { WaitingRoomPanel } from './WaitingRoomPanel.tsx'
import { SignalAlerts } from '../signals/SignalAlerts.tsx'

const POLL_MS = 2000
// The presence colour the server gives facilitators (server/sync/presenceIdentity.ts).
const FACILITATOR_COLOUR = '#2f5d50'

/** A facilitator in the session: the room, with the waiting room and session controls beside it. */
export function FacilitatorSession({ sessionId, me }: { sessionId: string; me: FacilitatorMe }) {
  const [entry, setEntry] = useState<SessionEntry | null>(null)
  const [room, setRoom] = useState<WaitingRoom | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)

  const refresh = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setRoom(
          await apiRequest(`/api/sessions/${sessionId}/waiting-room`, {
            schema: waitingRoom,
            signal,
          }),
        )
        setProblem(null)
      } catch (error) {
        if (!signal?.aborted) setProblem(toApiError(error))
      }
    },
    [sessionId],
  )
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const abort = new AbortController()
    apiRequest(`/api/sessions/${sessionId}`, { schema: sessionEntry, signal: abort.signal }).then(
      (loaded) => {
        setEntry(loaded)
        return refresh(abort.signal)
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setProblem(toApiError(error))
      },
    )
    return () => abort.abort()
  }, [sessionId, refresh, attempt])

  const session = room?.session ?? entry?.session ?? null
  const active = session !== null && session.status !== 'ended' && session.status !== 'cancelled'
  usePolling(refresh, POLL_MS, active)

  if (problem?.status === 401) return <SignInPrompt />
  if (!entry || !session) {
    return problem ? (
      <ProblemNotice message={problem.message} onRetry={() => setAttempt((n) => n + 1)} />
    ) : (
      <LoadingNotice>Opening the session…</LoadingNotice>
    )
  }
  const roomName = entry.documents?.room
  if (!roomName) return <ProblemNotice message="This session's room could not be found." />
  return (
    <RoomView
      room={roomName}
      session={session}
      self={{ name: me.name, colour: FACILITATOR_COLOUR, role: 'facilitator' }}
      backTo={{ to: `/groups/${session.groupId}`, label: 'Back to the group' }}
      onRefused={() => setAttempt((n) => n + 1)}
      controls={
        <>
          <SignalAlerts groupId={session.groupId} sessionId={session.id} />
          <SessionControls session={session} onChanged={refresh} />
          <WaitingRoomPanel
            sessionId={session.id}
            people={room?.people ?? []}
            onChanged={refresh}
          />
          {problem && (
            <p className="field-error" role="alert">
              {problem.message}
            </p>
          )}
        </>
      }
    />
  )
}
