import { useValue } from 'tldraw'
import { z } from 'zod'
import type { DocName } from '../../shared/documents/docName.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { announce } from '../ui/announce.ts'
import { useAction } from '../ui/useAction.ts'
import type { CanvasReady } from './CanvasEditor.tsx'

interface GalleryWalkProps {
  sessionId: string
  ready: CanvasReady | null
  /** Every layer of the group canvas, oldest first. */
  layers: readonly DocName[]
  /** The layers' keys revealed so far, or null while no walk is on. */
  shown: readonly string[] | null
  keyOf: (layer: DocName) => string
}

/**
 * How many shapes each layer holds now, by name: read again as shapes change and as they
 * change hands (the same reactive reading as the canvas's text list).
 */
function useCounts(ready: CanvasReady | null): Map<string, number> {
  return useValue(
    'layer counts',
    () => {
      const counts = new Map<string, number>()
      if (!ready) return counts
      ready.binding.version()
      for (const shape of ready.editor.getCurrentPageShapes()) {
        const name = ready.binding.sourceOf(shape.id)?.name
        if (name) counts.set(name, (counts.get(name) ?? 0) + 1)
      }
      return counts
    },
    [ready],
  )
}

/**
 * A facilitator's gallery walk: while it is on, members' screens hide the others' works until
 * the facilitator reveals them, one by one, and spotlights one ("bring everyone here": every
 * member who follows is taken to it). Works are numbered, never named: whose work it is stays
 * the author's to say.
 */
export function GalleryWalk({ sessionId, ready, layers, shown, keyOf }: GalleryWalkProps) {
  const { problem, run } = useAction()
  const counts = useCounts(ready)
  const setShown = (next: string[] | null, message: string) =>
    run(async () => {
      await apiRequest(`/api/sessions/${sessionId}/canvas/gallery`, {
        method: 'PUT',
        body: { shown: next },
        schema: z.unknown(),
      })
      announce(message)
    })
  const spotlight = (key: string, label: string) =>
    run(async () => {
      await apiRequest(`/api/sessions/${sessionId}/present`, {
        method: 'POST',
        body: { canvasWork: key },
        schema: z.unknown(),
      })
      announce(`${label} is in the spotlight for everyone.`)
    })
  const works = layers
    .map((name, at) => ({ name, key: keyOf(name), label: `Work ${at + 1}` }))
    .filter((w) => (counts.get(w.name) ?? 0) > 0)
  return (
    <section className="gallery-walk stack-small" aria-label="Gallery walk">
      {shown === null ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            void setShown(
              [],
              'Gallery walk started: members see their own work until you reveal others.',
            )
          }
        >
          Start a gallery walk
        </button>
      ) : (
        <>
          <p className="muted">
            Gallery walk: members see their own work and the works you reveal. Spotlight brings
            everyone to one.
          </p>
          {works.length === 0 ? (
            <p className="muted">Nothing is on the canvas yet.</p>
          ) : (
            <ul className="plain-list gallery-works">
              {works.map((w) => {
                const revealed = shown.includes(w.key)
                return (
                  <li key={w.key} className="actions">
                    <span>
                      {w.label}{' '}
                      <span className="muted">
                        ({counts.get(w.name)} {counts.get(w.name) === 1 ? 'shape' : 'shapes'}
                        {revealed ? ', revealed' : ''})
                      </span>
                    </span>
                    {!revealed && (
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        aria-label={`Reveal ${w.label}`}
                        onClick={() => void setShown([...shown, w.key], `${w.label} revealed.`)}
                      >
                        Reveal
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={`Spotlight ${w.label}`}
                      onClick={() => void spotlight(w.key, w.label)}
                    >
                      Spotlight
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void setShown(null, 'Gallery walk ended: every work shows again.')}
          >
            End the gallery walk
          </button>
        </>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
