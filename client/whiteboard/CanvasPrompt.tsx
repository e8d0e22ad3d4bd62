import { useId } from 'react'
import type * as Y from 'yjs'
import { z } from 'zod'
import { CANVAS_SETTINGS } from '../../shared/whiteboard/canvasDoc.ts'
import { CANVAS_PROMPTS, promptById } from '../../shared/whiteboard/prompts.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { SelectField } from '../ui/SelectField.tsx'
import { useAction } from '../ui/useAction.ts'

const OPTIONS = [
  { value: '', label: 'No prompt' },
  ...CANVAS_PROMPTS.map((p) => ({ value: p.id, label: p.text })),
]

const readPrompt = (map: Y.Map<unknown>) => {
  const id = map.get('prompt')
  return typeof id === 'string' ? promptById(id) : null
}

/**
 * The prompt above the group canvas, live from the canvas document; facilitators choose it
 * from a short list of art-therapy prompts (each with its source).
 */
export function CanvasPrompt({
  sessionId,
  canvasDoc,
  facilitator,
}: {
  sessionId: string
  canvasDoc: Y.Doc | null
  facilitator: boolean
}) {
  const id = useId()
  const prompt = useSharedMap(canvasDoc, CANVAS_SETTINGS, readPrompt)
  const { problem, run } = useAction()
  return (
    <div className="stack-small">
      {facilitator && (
        <SelectField
          id={`${id}-prompt`}
          label="Prompt for the group"
          value={prompt?.id ?? ''}
          options={OPTIONS}
          onChange={(promptId) =>
            void run(() =>
              apiRequest(`/api/sessions/${sessionId}/canvas/prompt`, {
                method: 'PUT',
                body: { promptId: promptId || null },
                schema: z.unknown(),
              }),
            )
          }
        />
      )}
      {prompt && (
        <figure className="canvas-prompt" aria-live="polite">
          <blockquote>{prompt.text}</blockquote>
          <figcaption className="muted">After {prompt.source}</figcaption>
        </figure>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
