import { lazy, Suspense, useEffect, useEffectEvent, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { ConnectionBadge } from '../sync/ConnectionBadge.tsx'
import { CallBadge } from '../video/CallBadge.tsx'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { useSyncSnapshot } from '../sync/useSyncSnapshot.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { readRoomState, RoomRevision } from './roomState.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { InTheRoom } from './InTheRoom.tsx'
import type { RoomPerson } from './parseRoomPerson.ts'
import { VideoStage } from '../video/VideoStage.tsx'
import { CrisisCard } from '../chat/CrisisCard.tsx'
import type { ChatPolicy } from './sessionSchemas.ts'
import { RoomBar } from './RoomBar.tsx'
import { roomRegions, type RegionId } from './roomRegions.ts'
import { SessionHeader } from './SessionHeader.tsx'
import type { SessionView } from './sessionSchemas.ts'
import { SIGNAL_DOCK_ID, SignalDock } from './SignalDock.tsx'
import { useRoomPeople } from './useRoomPeople.ts'
import { PresentedNotice } from './PresentedNotice.tsx'
import { usePresenting } from './usePresenting.ts'
import { Workspace } from './Workspace.tsx'
import { RoomGoals } from '../goals/RoomGoals.tsx'
import { BreathingTogether } from '../breathing/BreathingTogether.tsx'
import { BreathingControl } from '../breathing/BreathingControl.tsx'
import './roomLayout.css'

// The chat loads in its own chunk, after the room.
const ChatPanel = lazy(() =>
  import('../chat/ChatPanel.tsx').then((m) => ({ default: m.ChatPanel })),
)
// Check-ins and questionnaires: their own chunk, after the room.
const MemberRituals = lazy(() =>
  import('../checkins/MemberRituals.tsx').then((m) => ({ default: m.MemberRituals })),
)
const FacilitatorRituals = lazy(() =>
  import('../checkins/FacilitatorRituals.tsx').then((m) => ({ default: m.FacilitatorRituals })),
)
// The notes editor (TipTap) loads when a facilitator's room first shows it.
const NotesPane = lazy(() =>
  import('../notes/NotesPane.tsx').then((m) => ({ default: m.NotesPane })),
)

/** What only a facilitator's room has. */
export interface FacilitatorParts {
  /** Fixed to the top of the window: members' silent signals not yet seen. */
  banner: ReactNode
  /** Above "In the room": the waiting room. */
  people: ReactNode
  /** The session region: controls, signals so far. */
  session: ReactNode
  /** Members to mark in "In the room" (by pseudonym), with the words to show. */
  marks: Map<string, string>
  /** A word on a region's button in the phone's bar ("2 waiting"). */
  regionMarks: Partial<Record<RegionId, string>>
  /** The facilitators' signals document (who wrote what, where allowed; who is paused). */
  signalsDoc: Y.Doc | null
}

export interface RoomViewProps {
  room: DocName
  /** A member's private line (signals seen), from the session entry. */
  line?: DocName | null
  session: SessionView
  /** How the group's chat shows who wrote, and whether it is kept. */
  chat: ChatPolicy
  self: RoomPerson
  backTo: { to: string; label: string }
  /** The server refused the socket for good (signed out, sent back, session ended). */
  onRefused: (code: number) => void
  facilitator?: FacilitatorParts
}

/** The session room: opens its document over the sync socket (the login cookie is the key). */
export function RoomView(props: RoomViewProps) {
  const state = useSyncedDoc(props.room, null)
  switch (state.phase) {
    case 'loading':
      return <LoadingNotice>Opening the room…</LoadingNotice>
    case 'failed':
      return <ProblemNotice message="The room could not be opened." onRetry={state.retry} />
    case 'ready':
      return <Room {...props} synced={state.synced} />
  }
}

/**
 * The room's layout: a stage (video), the workspace, and a side panel (people, chat, and for
 * facilitators the session's controls and notes). Wide screens show them side by side, the
 * side panel sticky beside the workspace; a phone shows one region at a time, switched from a
 * bar fixed at the bottom, where a member's "Tell your facilitator" is always one tap away.
 */
function Room({
  session: fetched,
  line = null,
  chat,
  self,
  backTo,
  onRefused,
  facilitator,
  synced,
}: RoomViewProps & { synced: SyncedDoc }) {
  const { connection, refusedWith } = useSyncSnapshot(synced)
  // A member's private line, open for as long as the room is: signals seen, the private
  // conversation, a paused chat, crisis resources.
  const lineState = useSyncedDoc(self.role === 'member' ? line : null, null)
  const lineDoc = lineState.phase === 'ready' ? lineState.synced.doc : null
  // The server writes the session's state into the room document: status changes arrive over
  // the socket, not by polling.
  const roomState = useSharedMap(synced.doc, ROOM_STATE, readRoomState)
  const session = roomState.session ?? fetched
  const others = useRoomPeople(synced.provider.awareness)
  const [region, setRegion] = useState<RegionId>('workspace')
  const [signalOpen, setSignalOpen] = useState(false)
  // "Bring everyone here": members follow unless they step away; each new bring (or a
  // return) brings a phone to the workspace, adjusted while rendering.
  const { presented } = roomState
  const [following, setFollowing] = useState(true)
  const [returns, setReturns] = useState(0)
  const bringKey =
    self.role === 'member' && following && presented ? `${presented.at}:${returns}` : null
  const [lastBring, setLastBring] = useState<string | null>(null)
  const [lastCanvasAt, setLastCanvasAt] = useState<number | null>(null)
  // A bring to the group canvas too (each work spotlit in a gallery walk).
  const canvasAt = self.role === 'member' ? (roomState.canvas?.at ?? null) : null
  if (bringKey !== lastBring || canvasAt !== lastCanvasAt) {
    setLastBring(bringKey)
    setLastCanvasAt(canvasAt)
    if ((bringKey && bringKey !== lastBring) || (canvasAt && canvasAt !== lastCanvasAt)) {
      setRegion('workspace')
    }
  }
  const presenting = usePresenting(fetched.id, presented)
  // Peers ignore a presence state at clock 0 (the empty one every client starts with), so
  // announce ourselves at once rather than at the first renewal 15 s later. The server replaces
  // `user` with the identity it vouches for.
  const { awareness } = synced.provider
  const { name, colour, role } = self
  useEffect(() => {
    awareness.setLocalStateField('user', { name, colour, role })
  }, [awareness, name, colour, role])
  const refused = useEffectEvent(onRefused)
  useEffect(() => {
    if (refusedWith !== null) refused(refusedWith)
  }, [refusedWith])
  const shown = (id: RegionId) => (id === region ? 'true' : 'false')
  const ended = session.status === 'ended' || session.status === 'cancelled'
  return (
    <div className="room-page" data-role={role}>
      {facilitator?.banner}
      {self.role === 'member' && <CrisisCard lineDoc={lineDoc} />}
      <SessionHeader session={session} backTo={backTo}>
        <ConnectionBadge state={connection} />
        <CallBadge />
      </SessionHeader>
      {/* The goals, a moment for when one enters a session in progress; then one button. */}
      <RoomGoals
        groupId={session.groupId}
        startOpen={session.status === 'open' || session.status === 'live'}
      />
      <div className="room-layout">
        <div className="room-main">
          <BreathingTogether roomDoc={synced.doc} over={ended} />
          <div className="room-region room-region--stage" data-shown={shown('stage')}>
            <VideoStage sessionId={session.id} role={self.role} roomDoc={synced.doc} over={ended} />
          </div>
          <div className="room-region room-region--workspace" data-shown={shown('workspace')}>
            {self.role === 'member' && presented && (
              <PresentedNotice
                title={roomState.titles.get(presented.id) ?? 'a worksheet'}
                following={following}
                onStepAway={() => setFollowing(false)}
                onReturn={() => {
                  setFollowing(true)
                  setReturns((n) => n + 1)
                }}
              />
            )}
            {self.role === 'member' && !ended && (
              <Suspense fallback={null}>
                <MemberRituals sessionId={session.id} roomDoc={synced.doc} lineDoc={lineDoc} />
              </Suspense>
            )}
            {presenting.problem && (
              <p className="field-error" role="alert">
                {presenting.problem}
              </p>
            )}
            <RoomRevision value={roomState.revision}>
              <Workspace
                sessionId={session.id}
                role={self.role}
                user={self}
                canAdd={session.status !== 'cancelled'}
                over={ended}
                bring={bringKey && presented ? { worksheetId: presented.id, key: bringKey } : null}
                slides={{
                  sessionId: session.id,
                  groupId: session.groupId,
                  handouts: roomState.handouts,
                  presented: roomState.slides,
                }}
                canvas={roomState.canvas}
                {...(self.role === 'facilitator' && !ended ? { presenting } : {})}
              />
            </RoomRevision>
          </div>
        </div>
        <div className="room-side">
          {self.role === 'member' && (
            <SignalDock
              sessionId={session.id}
              lineDoc={lineDoc}
              over={ended}
              connection={connection}
              open={signalOpen}
              onClose={() => setSignalOpen(false)}
            />
          )}
          <div className="room-region room-region--people" data-shown={shown('people')}>
            {facilitator?.people}
            {facilitator && (session.status === 'open' || session.status === 'live') && (
              <BreathingControl sessionId={session.id} roomDoc={synced.doc} />
            )}
            <InTheRoom self={self} others={others} marks={facilitator?.marks} />
          </div>
          <div className="room-region room-region--chat" data-shown={shown('chat')}>
            <Suspense fallback={<LoadingNotice>Opening the chat…</LoadingNotice>}>
              <ChatPanel
                sessionId={session.id}
                groupId={session.groupId}
                role={self.role}
                selfName={self.name}
                policy={chat}
                over={ended}
                signalsDoc={facilitator?.signalsDoc ?? null}
                lineDoc={lineDoc}
              />
            </Suspense>
          </div>
          {facilitator && (
            <div className="room-region room-region--session" data-shown={shown('session')}>
              {facilitator.session}
              {!ended && (
                <Suspense fallback={<LoadingNotice>Opening check-ins…</LoadingNotice>}>
                  <FacilitatorRituals
                    sessionId={session.id}
                    roomDoc={synced.doc}
                    signalsDoc={facilitator.signalsDoc}
                  />
                </Suspense>
              )}
              <Suspense fallback={<LoadingNotice>Opening your notes…</LoadingNotice>}>
                <NotesPane groupId={session.groupId} sessionId={session.id} />
              </Suspense>
            </div>
          )}
        </div>
      </div>
      <RoomBar
        regions={roomRegions(self.role)}
        active={region}
        onSelect={setRegion}
        marks={facilitator?.regionMarks}
      >
        {self.role === 'member' && (
          <button
            type="button"
            id={`${SIGNAL_DOCK_ID}-opener`}
            className="room-bar-button room-bar-signal"
            aria-expanded={signalOpen}
            aria-controls={SIGNAL_DOCK_ID}
            onClick={() => setSignalOpen((open) => !open)}
          >
            Tell your facilitator
          </button>
        )}
      </RoomBar>
    </div>
  )
}
