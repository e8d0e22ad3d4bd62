import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { deckParts, NOTE_MAX, slidesOf, type SlideView } from '../../shared/slides/deckDoc.ts'

export interface DeckView {
  title: string
  /** The deck's content note, or ''. */
  note: string
  slides: SlideView[]
}

const read = (doc: Y.Doc): DeckView => ({
  title: String(deckParts(doc).meta.get('title') ?? ''),
  note: String(deckParts(doc).meta.get('note') ?? '').slice(0, NOTE_MAX),
  slides: slidesOf(doc),
})

/** A deck document's title and slides in order, kept current as anyone edits it. */
export function useDeck(doc: Y.Doc): DeckView {
  const [view, setView] = useState(() => read(doc))
  useEffect(() => {
    const { meta, order, slides } = deckParts(doc)
    const update = () => setView(read(doc))
    update()
    meta.observe(update)
    order.observe(update)
    slides.observe(update)
    return () => {
      meta.unobserve(update)
      order.unobserve(update)
      slides.unobserve(update)
    }
  }, [doc])
  return view
}
