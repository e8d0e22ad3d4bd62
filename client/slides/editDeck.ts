import type * as Y from 'yjs'
import {
  deckParts,
  NOTE_MAX,
  notesFragment,
  bodyFragment,
  sideFragment,
  type Layout,
  type SlideMeta,
} from '../../shared/slides/deckDoc.ts'
import { NEW_QUESTIONS } from '../../shared/slides/responses.ts'
import { newSlideId } from '../../shared/slides/newSlideId.ts'

/**
 * Adds a slide after position `after` (-1: first; past the end: last), with its text empty
 * and `meta` besides its layout (an image, say); returns its id.
 */
export function addSlide(
  doc: Y.Doc,
  after: number,
  layout: Layout,
  meta: Omit<SlideMeta, 'layout'> = {},
): string {
  const id = newSlideId()
  const { order, slides } = deckParts(doc)
  doc.transact(() => {
    slides.set(id, { ...meta, layout })
    order.insert(Math.min(after + 1, order.length), [id])
  })
  return id
}

/** Moves the slide at `from` by `by` places (a move is only its id changing place). */
export function moveSlide(doc: Y.Doc, from: number, by: -1 | 1): void {
  const { order } = deckParts(doc)
  const to = from + by
  if (from < 0 || to < 0 || from >= order.length || to >= order.length) return
  doc.transact(() => {
    const id = order.get(from)
    order.delete(from, 1)
    order.insert(to, [id])
  })
}

export function setLayout(doc: Y.Doc, slideId: string, layout: Layout): void {
  const { slides } = deckParts(doc)
  const meta = slides.get(slideId)
  // A new question slide starts as a choice the facilitator then words.
  const response =
    layout === 'response' && !meta?.response ? { response: NEW_QUESTIONS.choice } : {}
  slides.set(slideId, { ...meta, layout, ...response })
}

/** Sets (or clears, with '') a slide's content note. */
export function setNote(doc: Y.Doc, slideId: string, note: string): void {
  const { slides } = deckParts(doc)
  const meta = slides.get(slideId)
  if (!meta) return
  const { note: _old, ...rest } = meta
  slides.set(slideId, note ? { ...rest, note: note.slice(0, NOTE_MAX) } : rest)
}

/** Deletes a slide: its place, its layout and its text (the notes go in their document). */
export function deleteSlide(doc: Y.Doc, notes: Y.Doc | null, slideId: string): void {
  const { order, slides } = deckParts(doc)
  doc.transact(() => {
    const at = order.toArray().indexOf(slideId)
    if (at >= 0) order.delete(at, 1)
    slides.delete(slideId)
    for (const fragment of [bodyFragment(doc, slideId), sideFragment(doc, slideId)]) {
      if (fragment.length > 0) fragment.delete(0, fragment.length)
    }
  })
  if (notes) {
    const fragment = notesFragment(notes, slideId)
    if (fragment.length > 0) fragment.delete(0, fragment.length)
  }
}
