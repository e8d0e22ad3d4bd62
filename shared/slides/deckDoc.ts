import type * as Y from 'yjs'
import { responseSpec, type ResponseSpec } from './responses.ts'

/**
 * A deck is a Yjs document (issue 14):
 * - `meta` (map): `title`, and `note` (a content note for the whole deck);
 * - `order` (array of slide ids): the slides in order;
 * - `slides` (map, id → `SlideMeta`): each slide's layout and content note;
 * - `body:<id>` and `side:<id>` (XML fragments): the slide's rich text, TipTap's shape; `side`
 *   is the second column of a two-column slide.
 * Speaker notes are another document (`notes:<id>` fragments), which members never receive.
 * Fragments are top-level so that moving a slide moves only its id.
 */
export const LAYOUTS = ['title', 'text', 'two-columns', 'image', 'response'] as const
export type Layout = (typeof LAYOUTS)[number]

export const LAYOUT_LABELS: Record<Layout, string> = {
  title: 'Title',
  text: 'Text',
  'two-columns': 'Two columns',
  image: 'Image with caption',
  response: 'Question for the group',
}

export interface SlideMeta {
  layout: Layout
  /** A content note ("discusses loss"): members see it first and may skip the slide. */
  note?: string
  /** For a response slide: what kind of answer it asks (its text is the question). */
  response?: ResponseSpec
  /** For an image slide: the uploaded image (by its hash) and its text alternative. */
  image?: SlideImage
}

export interface SlideImage {
  hash: string
  alt: string
}
const IMAGE_HASH = /^[0-9a-f]{64}$/

/** A content note's longest length. */
export const NOTE_MAX = 120

export const deckParts = (doc: Y.Doc) => ({
  meta: doc.getMap<string>('meta'),
  order: doc.getArray<string>('order'),
  slides: doc.getMap<SlideMeta>('slides'),
})

export const bodyFragment = (doc: Y.Doc, slideId: string) => doc.getXmlFragment(`body:${slideId}`)
export const sideFragment = (doc: Y.Doc, slideId: string) => doc.getXmlFragment(`side:${slideId}`)
export const notesFragment = (doc: Y.Doc, slideId: string) => doc.getXmlFragment(`notes:${slideId}`)

/** Slide ids: short, random, safe as part of a fragment's name. */
export const SLIDE_ID = /^[a-z0-9]{8,16}$/

export interface SlideView {
  id: string
  layout: Layout
  note: string
  /** A response slide's question kind; null for other slides (or one not yet set). */
  response: ResponseSpec | null
  /** An image slide's image; null when none is chosen yet. */
  image: SlideImage | null
}

/** The slides of a deck in order, with their layout; ids not in `slides` are left out. */
export function slidesOf(doc: Y.Doc): SlideView[] {
  const { order, slides } = deckParts(doc)
  return order
    .toArray()
    .filter((id) => SLIDE_ID.test(id))
    .flatMap((id) => {
      const meta = slides.get(id)
      const layout = LAYOUTS.includes(meta?.layout as Layout) ? (meta!.layout as Layout) : 'text'
      const note = typeof meta?.note === 'string' ? meta.note.slice(0, NOTE_MAX) : ''
      const spec = layout === 'response' ? responseSpec.safeParse(meta?.response) : null
      const picture =
        layout === 'image' && IMAGE_HASH.test(String(meta?.image?.hash))
          ? { hash: meta!.image!.hash, alt: String(meta!.image!.alt ?? '').slice(0, 300) }
          : null
      return meta
        ? [{ id, layout, note, response: spec?.success ? spec.data : null, image: picture }]
        : []
    })
}
