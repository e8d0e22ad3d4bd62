import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { bodyFragment, deckParts, slideSchema, type Layout } from '../../shared/slides/deckDoc.ts'
import { newSlideId } from '../../shared/slides/newSlideId.ts'

export interface SeedSlide {
  layout: Layout
  body: JSONContent
}

/** Writes a deck's title and slides into an empty deck document (on the server: seeds once). */
export function seedDeck(doc: Y.Doc, title: string, slides: SeedSlide[]): void {
  const { meta, order, slides: metas } = deckParts(doc)
  meta.set('title', title)
  const schema = slideSchema()
  for (const slide of slides) {
    const id = newSlideId()
    metas.set(id, { layout: slide.layout })
    prosemirrorJSONToYXmlFragment(schema, slide.body, bodyFragment(doc, id))
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
