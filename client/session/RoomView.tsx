import { lazy, Suspense, useEffect, useEffectEvent, type ReactNode } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import { ConnectionBadge } from '../sync/ConnectionBadge.tsx'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { useSyncSnapshot } from '../sync/useSyncSnapshot.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { readRoomState, RoomRevision } from './roomState.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { SilentSignalButtons } from '../signals/SilentSignalButtons.tsx'
import { InTheRoom } from './InTheRoom.tsx'
import type { RoomPerson } from './parseRoomPerson.ts'
import { ChatPlaceholder, VideoPlaceholder } from './RoomPlaceholders.tsx'
import { SessionHeader } from './SessionHeader.tsx'
import type { SessionView } from './sessionSchemas.ts'
import { useRoomPeople } from './useRoomPeople.ts'

// The notes editor (TipTap) loads when a facilitator's room first shows it.
const NotesPane = lazy(() =>
  import('../notes/NotesPane.tsx').then((m) => ({ default: m.NotesPane })),
)
import { Workspace } from './Workspace.tsx'

export interface RoomViewProps {
  room: DocName
  session: SessionView
  self: RoomPerson
  backTo: { to: string; label: string }
  /** The server refused the socket for good (signed out, sent back, session ended). */
  onRefused: (code: number) => void
  /** Facilitators' controls, above "In the room". */
  controls?: ReactNode
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

function Room({
  session: fetched,
  self,
  backTo,
  onRefused,
  controls,
  synced,
}: RoomViewProps & { synced: SyncedDoc }) {
  const { connection, refusedWith } = useSyncSnapshot(synced)
  // The server writes the session's state into the room document: status changes arrive over
  // the socket, not by polling.
  const roomState = useSharedMap(synced.doc, ROOM_STATE, readRoomState)
  const session = roomState.session ?? fetched
  const others = useRoomPeople(synced.provider.awareness)
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
  return (
    <div className="session-page">
      <SessionHeader session={session} backTo={backTo}>
        <ConnectionBadge state={connection} />
      </SessionHeader>
      <div className="room">
        <div className="room-main">
          <VideoPlaceholder />
          <RoomRevision value={roomState.revision}>
            <Workspace sessionId={session.id} role={self.role} user={self} />
          </RoomRevision>
        </div>
        <aside className="room-side" aria-label="People and controls">
          {controls}
          {self.role === 'member' && <SilentSignalButtons sessionId={session.id} />}
          <InTheRoom self={self} others={others} />
          <ChatPlaceholder />
          {self.role === 'facilitator' && (
            <Suspense fallback={<LoadingNotice>Opening your notes…</LoadingNotice>}>
              <NotesPane groupId={session.groupId} sessionId={session.id} />
            </Suspense>
          )}
        </aside>
      </div>
    </div>
  )
}
