import type { JSONContent } from '@tiptap/core'
import type { Layout } from '../deckDoc.ts'

/** A starter slide: its layout, its text (and the right column), and an optional content note. */
export interface StarterSlide {
  layout: Layout
  body: JSONContent
  side?: JSONContent
  note?: string
}

export interface StarterDeck {
  id: string
  title: string
  summary: string
  /** Shown to members before the deck (for example "Discusses death and loss"). */
  note?: string
  slides: StarterSlide[]
}

const text = (t: string) => ({ type: 'text', text: t })
export const h1 = (t: string): JSONContent => ({
  type: 'heading',
  attrs: { level: 1 },
  content: [text(t)],
})
export const h2 = (t: string): JSONContent => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [text(t)],
})
export const p = (t: string): JSONContent => ({ type: 'paragraph', content: [text(t)] })
export const ul = (...items: string[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((i) => ({ type: 'listItem', content: [p(i)] })),
})
export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })

/** The last slide of every starter deck: where its content comes from, year and source. */
export const references = (...sources: string[]): StarterSlide => ({
  layout: 'text',
  body: doc(h2('References'), ul(...sources)),
})
