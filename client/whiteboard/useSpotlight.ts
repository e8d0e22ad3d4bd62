import { useCallback, useEffect } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import type { CanvasReady } from './CanvasEditor.tsx'

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches

/**
 * Takes the view to what the facilitators brought everyone to: one work (a layer's shapes) or
 * the whole canvas. Runs on each new bring once the canvas is ready (and again on demand:
 * "Back to the spotlight"); a calm cut instead of a glide where motion is reduced.
 */
export function useSpotlight(
  ready: CanvasReady | null,
  spotlight: { work: DocName | null; at: number } | null,
): () => void {
  const work = spotlight?.work ?? null
  const at = spotlight?.at ?? null
  const look = useCallback(() => {
    if (!ready || at === null) return
    const { editor, binding } = ready
    const animation = reducedMotion() ? undefined : { animation: { duration: 400 } }
    const ids = editor
      .getCurrentPageShapes()
      .filter((s) => work === null || binding.sourceOf(s.id)?.name === work)
      .map((s) => s.id)
    const bounds = ids.length > 0 ? editor.getShapesPageBounds(ids) : null
    if (bounds) editor.zoomToBounds(bounds, { inset: 48, targetZoom: 1, ...animation })
    else editor.zoomToFit(animation)
  }, [ready, work, at])
  useEffect(look, [look])
  return look
}
