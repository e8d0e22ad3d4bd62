import { useCallback } from 'react'
import { z } from 'zod'
import { docNameSchema } from '../../shared/documents/docName.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { SlidesPanel } from './SlidesPanel.tsx'

const handoutList = z.object({
  handouts: z.array(z.object({ id: z.string(), title: z.string(), document: docNameSchema })),
})

/**
 * After a session: the decks presented in it, to read again at one's own pace (the session's
 * copy, never the speaker notes), while the facilitators keep them released.
 */
export function SessionSlides({ sessionId, groupId }: { sessionId: string; groupId: string }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/sessions/${sessionId}/handouts`, { schema: handoutList, signal }),
    [sessionId],
  )
  const [handouts, reload] = useResource(load)
  return (
    <Loaded resource={handouts} loading="Finding the slides…" retry={reload}>
      {({ handouts }) =>
        handouts.length === 0 ? null : (
          <section className="panel stack-small" aria-labelledby="session-slides-heading">
            <h2 id="session-slides-heading" className="panel-heading">
              Slides
            </h2>
            <SlidesPanel
              sessionId={sessionId}
              groupId={groupId}
              role="member"
              handouts={handouts}
              presented={null}
              over
            />
          </section>
        )
      }
    </Loaded>
  )
}
