import { lazy, Suspense, useCallback, useState } from 'react'
import type * as Y from 'yjs'
import { videoStatus } from '../../shared/video/videoSchemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'

// The call's code (and LiveKit's, about 139 KB gzipped) loads only when someone joins video.
const VideoCall = lazy(() => import('./VideoCall.tsx').then((m) => ({ default: m.VideoCall })))

/**
 * The room's stage: where the group sees each other. Without video on this server it says so,
 * once and calmly, and the room goes on without it; with video, "Join video" opens the check
 * before joining.
 */
export function VideoStage({
  sessionId,
  role,
  roomDoc,
  over,
}: {
  sessionId: string
  role: 'facilitator' | 'member'
  roomDoc: Y.Doc
  over: boolean
}) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/sessions/${sessionId}/video`, { schema: videoStatus, signal }),
    [sessionId],
  )
  const [status] = useResource(load)
  const [open, setOpen] = useState(false)
  const configured = status.status === 'ready' ? status.data.configured : null
  return (
    <section className="video-stage" aria-labelledby="video-heading">
      <h2 id="video-heading" className="visually-hidden">
        Video
      </h2>
      {configured === false && (
        <p className="muted" role="status">
          Video is not set up on this server. Everything else in the room works.
        </p>
      )}
      {configured && over && <p className="muted">The call ended with the session.</p>}
      {configured && !over && !open && (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Join video
        </button>
      )}
      {configured && !over && open && (
        <Suspense fallback={<LoadingNotice>Opening video…</LoadingNotice>}>
          <VideoCall
            sessionId={sessionId}
            role={role}
            roomDoc={roomDoc}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </section>
  )
}
