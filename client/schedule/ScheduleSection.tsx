import { useCallback } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { sessionList } from '../session/sessionSchemas.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { ScheduleForm } from './ScheduleForm.tsx'
import { SessionList } from './SessionList.tsx'

/** The group's sessions, and scheduling more: one-off or weekly. */
export function ScheduleSection({ groupId }: { groupId: string }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/groups/${groupId}/sessions`, { schema: sessionList, signal }),
    [groupId],
  )
  const [sessions, reload] = useResource(load)
  return (
    <div className="stack">
      <Loaded resource={sessions} loading="Loading the sessions…" retry={reload}>
        {({ sessions }) => <SessionList sessions={sessions} />}
      </Loaded>
      <ScheduleForm groupId={groupId} onScheduled={reload} />
    </div>
  )
}
