import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { parseDocName, type DocName } from '../../shared/documents/docName.ts'
import { WAITING_STATE } from '../../shared/sessions/roomState.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError, type ApiError } from '../api/ApiError.ts'
import type { FacilitatorMe } from '../auth/meSchema.ts'
import { SignInPrompt } from '../auth/SignInPrompt.tsx'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { ReleasePanel } from '../release/ReleasePanel.tsx'
import { SignalBanner } from '../signals/SignalBanner.tsx'
import { LinesPanel, type OpenLine } from '../chat/LinesPanel.tsx'
import { HandsPanel } from '../hands/HandsPanel.tsx'
import type { ChatPolicy } from './sessionSchemas.ts'
import { SignalsPanel } from '../signals/SignalsPanel.tsx'
import { useSessionSignals } from '../signals/useSessionSignals.ts'
import { RoomView, type FacilitatorParts } from './RoomView.tsx'
import { SessionControls } from './SessionControls.tsx'
import { sessionEntry, waitingRoom, type SessionEntry, type WaitingRoom } from './sessionSchemas.ts'
import { WaitingMessageForm } from './WaitingMessageForm.tsx'
import { WaitingRoomPanel } from './WaitingRoomPanel.tsx'

// The presence colour the server gives facilitators (server/sync/presenceIdentity.ts).
const FACILITATOR_COLOUR = '#2f5d50'

/** The waiting room as the server wrote it into the signals document, or null before it did. */
const readWaiting = (map: Y.Map<unknown>): WaitingRoom | null => {
  const parsed = waitingRoom.safeParse({
    session: map.get('session'),
    people: map.get('people'),
    message: map.get('message') ?? null,
  })
  return parsed.success ? parsed.data : null
}

/** A facilitator in the session: the room, with the waiting room and session controls beside it. */
export function FacilitatorSession({ sessionId, me }: { sessionId: string; me: FacilitatorMe }) {
  const [entry, setEntry] = useState<SessionEntry | null>(null)
  const [fetched, setFetched] = useState<WaitingRoom | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)

  // Asked once on arrival and after the facilitator's own actions; everything else arrives
  // over the socket (the signals document carries the waiting room).
  const refresh = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setFetched(
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

  if (problem?.status === 401) return <SignInPrompt />
  const signals = entry && parseDocName(sessionDocName.signals(entry.session.groupId, sessionId))
  if (!entry || !fetched || !signals) {
    return problem ? (
      <ProblemNotice message={problem.message} onRetry={() => setAttempt((n) => n + 1)} />
    ) : (
      <LoadingNotice>Opening the session…</LoadingNotice>
    )
  }
  const roomName = entry.documents?.room
  if (!roomName) return <ProblemNotice message="This session's room could not be found." />
  return (
    <FacilitatorRoom
      me={me}
      chat={entry.chat}
      roomName={roomName}
      signalsName={signals}
      fetched={fetched}
      problem={problem}
      refresh={refresh}
      onRefused={() => setAttempt((n) => n + 1)}
    />
  )
}

const LINES_ID = 'private-lines'

interface FacilitatorRoomProps {
  me: FacilitatorMe
  chat: ChatPolicy
  roomName: DocName
  signalsName: DocName
  fetched: WaitingRoom
  problem: ApiError | null
  refresh: () => Promise<void>
  onRefused: () => void
}

function FacilitatorRoom(props: FacilitatorRoomProps) {
  const signals = useSyncedDoc(props.signalsName, null)
  const synced = signals.phase === 'ready' ? signals.synced : null
  const pushed = useSharedMap(synced?.doc ?? null, WAITING_STATE, readWaiting)
  return <Desk {...props} waiting={pushed ?? props.fetched} synced={synced} />
}

function Desk({
  me,
  chat,
  roomName,
  waiting,
  synced,
  problem,
  refresh,
  onRefused,
}: FacilitatorRoomProps & { waiting: WaitingRoom; synced: SyncedDoc | null }) {
  const { session } = waiting
  const signals = useSessionSignals(synced)
  const [sound, setSound] = useState(me.preferences.signalSound)
  const [openLine, setOpenLine] = useState<OpenLine | null>(null)
  const answer = (line: DocName, name: string) => {
    setOpenLine({ line, name })
    // The conversation opens in the session region; take the facilitator there.
    setTimeout(() => document.getElementById(LINES_ID)?.scrollIntoView({ block: 'start' }), 0)
  }
  const unseen = signals.filter((s) => s.seen === null)
  const waitingCount = waiting.people.filter((p) => p.state === 'waiting').length
  const ended = session.status === 'ended' || session.status === 'cancelled'
  const regionMarks: FacilitatorParts['regionMarks'] = {}
  if (waitingCount > 0) regionMarks.people = `(${waitingCount} waiting)`
  if (unseen.length > 0)
    regionMarks.session = `(${unseen.length} signal${unseen.length > 1 ? 's' : ''})`
  return (
    <RoomView
      room={roomName}
      session={session}
      chat={chat}
      self={{ name: me.name, colour: FACILITATOR_COLOUR, role: 'facilitator' }}
      backTo={{ to: `/groups/${session.groupId}`, label: 'Back to the group' }}
      onRefused={onRefused}
      facilitator={{
        banner: (
          <SignalBanner sessionId={session.id} signals={signals} sound={sound} onAnswer={answer} />
        ),
        signalsDoc: synced?.doc ?? null,
        people: (
          <>
            {!ended && <HandsPanel sessionId={session.id} signalsDoc={synced?.doc ?? null} />}
            {!ended && <WaitingMessageForm sessionId={session.id} message={waiting.message} />}
            <WaitingRoomPanel
              sessionId={session.id}
              people={waiting.people}
              ended={ended}
              onChanged={refresh}
            />
          </>
        ),
        session: (
          <>
            <SessionControls session={session} onChanged={refresh} />
            {problem && (
              <p className="field-error" role="alert">
                {problem.message}
              </p>
            )}
            <div id={LINES_ID}>
              <LinesPanel
                sessionId={session.id}
                groupId={session.groupId}
                signalsDoc={synced?.doc ?? null}
                open={openLine}
                onOpen={setOpenLine}
                over={ended}
              />
            </div>
            <SignalsPanel signals={signals} sound={sound} onSoundChange={setSound} />
            {session.status !== 'cancelled' && <ReleasePanel sessionId={session.id} />}
          </>
        ),
        marks: new Map(
          unseen.map((s) => [
            s.name,
            s.kind === 'crisis' ? 'Alert' : s.kind === 'not-ok' ? 'Not OK' : 'Needs a moment',
          ]),
        ),
        regionMarks,
      }}
    />
  )
}
