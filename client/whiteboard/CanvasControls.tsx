import { z } from 'zod'
import { canvasEntry } from '../../shared/whiteboard/canvasDoc.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { announce } from '../ui/announce.ts'
import { useAction } from '../ui/useAction.ts'

/**
 * A facilitator's controls of the group canvas during the session: lock it for everyone (members
 * look, not draw: enforced on their layers by the server) and bring everyone to it.
 */
export function CanvasControls({
  sessionId,
  locked,
  onChanged,
}: {
  sessionId: string
  locked: boolean
  onChanged: () => void
}) {
  const { problem, run } = useAction()
  return (
    <>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-pressed={locked}
        onClick={() =>
          void run(async () => {
            await apiRequest(`/api/sessions/${sessionId}/canvas/lock`, {
              method: 'PUT',
              body: { locked: !locked },
              schema: canvasEntry.pick({ locked: true }),
            })
            onChanged()
          })
        }
      >
        {locked ? 'Unlock the canvas' : 'Lock the canvas'}
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() =>
          void run(async () => {
            await apiRequest(`/api/sessions/${sessionId}/present`, {
              method: 'POST',
              body: { canvasWork: null },
              schema: z.unknown(),
            })
            announce('Everyone was brought to the group canvas.')
          })
        }
      >
        Bring everyone to the canvas
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </>
  )
}
