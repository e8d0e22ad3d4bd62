import { useEffect, useEffectEvent, type ReactNode } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import { ConnectionBadge } from '../sync/ConnectionBadge.tsx'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { useSyncSnapshot } from '../sync/useSyncSnapshot.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { InTheRoom } from './InTheRoom.tsx'
import type { RoomPerson } from './parseRoomPerson.ts'
import { VideoPlaceholder, WorkspacePlaceholder } from './RoomPlaceholders.tsx'
import { SessionHeader } from './SessionHeader.tsx'
import type { SessionView } from './sessionSchemas.ts'
import { useRoomPeople } from './useRoomPeople.ts'

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
  session,
  self,
  backTo,
  onRefused,
  controls,
  synced,
}: RoomViewProps & { synced: SyncedDoc }) {
  const { connection, refusedWith } = useSyncSnapshot(synced)
  const others = useRoomPeople(synced.provider.awareness)
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
          <WorkspacePlaceholder />
        </div>
        <aside className="room-side" aria-label="People and controls">
          {controls}
          <InTheRoom self={self} others={others} />
        </aside>
      </div>
    </div>
  )
}
