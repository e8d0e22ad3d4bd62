import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { bodyFragment, deckParts, sideFragment } from '../../shared/slides/deckDoc.ts'
import { newSlideId } from '../../shared/slides/newSlideId.ts'
import { slideSchema } from '../../shared/slides/slideSchema.ts'
import type { StarterSlide } from '../../shared/slides/starters/blocks.ts'

export type SeedSlide = StarterSlide

/**
 * Writes a deck's title, content note and slides into an empty deck document, on the server
 * (two browsers filling the same empty document would duplicate it).
 */
export function seedDeck(doc: Y.Doc, title: string, slides: SeedSlide[], note?: string): void {
  const { meta, order, slides: metas } = deckParts(doc)
  meta.set('title', title)
  if (note) meta.set('note', note)
  const schema = slideSchema()
  for (const slide of slides) {
    const id = newSlideId()
    metas.set(
      id,
      slide.note ? { layout: slide.layout, note: slide.note } : { layout: slide.layout },
    )
    prosemirrorJSONToYXmlFragment(schema, slide.body, bodyFragment(doc, id))
    if (slide.side) prosemirrorJSONToYXmlFragment(schema, slide.side, sideFragment(doc, id))
    order.push([id])
  }
}

/** A new deck's first slide: its title, as a heading. */
export const titleSlide = (title: string): SeedSlide => ({
  layout: 'title',
  body: {
    type: 'doc',
    content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] }],
  },
})
