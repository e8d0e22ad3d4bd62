import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import {
  VIDEO_KEY_GENERATION,
  videoKey,
  videoTicket,
  type VideoTicket,
} from '../../shared/video/videoSchemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { CallGrid } from './CallGrid.tsx'
import type { CallRoom, JoinChoices } from './callTypes.ts'
import { PreJoin } from './PreJoin.tsx'
import './video.css'

const readGeneration = (state: Y.Map<unknown>) => {
  const generation = state.get(VIDEO_KEY_GENERATION)
  return typeof generation === 'number' ? generation : null
}

/** A test page's fake room, else LiveKit (its code loads only now, when someone joins). */
async function openCall(ticket: VideoTicket, choices: JoinChoices): Promise<CallRoom> {
  if (window.hearthFakeCall) return window.hearthFakeCall(choices)
  const { connectLiveKit } = await import('./livekitCall.ts')
  return connectLiveKit(ticket, choices)
}

/**
 * The call, once someone chose to join video (this chunk loads then): the check before joining,
 * then the call itself. An encrypted call follows the media key: when the room document says a
 * new one was made (someone was taken out), it is fetched and handed to the call.
 */
export function VideoCall({
  sessionId,
  role,
  roomDoc,
  onClose,
}: {
  sessionId: string
  role: 'facilitator' | 'member'
  roomDoc: Y.Doc
  onClose: () => void
}) {
  const [phase, setPhase] = useState<'check' | 'joining' | 'in'>('check')
  const [call, setCall] = useState<CallRoom | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [e2ee, setE2ee] = useState(false)
  const [blurAtJoin, setBlurAtJoin] = useState(false)
  const generation = useSharedMap(roomDoc, ROOM_STATE, readGeneration)
  useEffect(() => {
    if (!call || !e2ee || generation === null) return
    void apiRequest(`/api/sessions/${sessionId}/video/key`, { schema: videoKey })
      .then(({ key }) => call.setKey(key))
      .catch((error: unknown) => setProblem(toApiError(error).message))
  }, [call, e2ee, generation, sessionId])
  // Leaving (or closing the room) unmounts this: the call is left once, here.
  useEffect(() => () => void call?.leave(), [call])
  const join = async (choices: JoinChoices) => {
    setPhase('joining')
    setProblem(null)
    setBlurAtJoin(choices.blur)
    try {
      const ticket = await apiRequest(`/api/sessions/${sessionId}/video/token`, {
        method: 'POST',
        schema: videoTicket,
      })
      setE2ee(ticket.e2ee !== null)
      setCall(await openCall(ticket, choices))
      setPhase('in')
    } catch (error) {
      setPhase('check')
      setProblem(
        error instanceof Error && error.name === 'ConnectionError'
          ? 'The video server could not be reached. Everything else in the room works; try joining again in a moment.'
          : toApiError(error).message,
      )
    }
  }
  return (
    <div className="video-call">
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {phase === 'check' && <PreJoin onJoin={(c) => void join(c)} onCancel={onClose} />}
      {phase === 'joining' && <LoadingNotice>Joining the call…</LoadingNotice>}
      {phase === 'in' && call && (
        <CallGrid
          call={call}
          sessionId={sessionId}
          role={role}
          blurAtJoin={blurAtJoin}
          onLeave={onClose}
        />
      )}
    </div>
  )
}
