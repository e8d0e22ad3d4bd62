import * as Y from 'yjs'
import { bodyFragment, sideFragment, slidesOf } from './deckDoc.ts'

/** The text of one fragment, paragraph by paragraph, without markup. */
function textOf(node: Y.XmlFragment | Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('')
  }
  return node
    .toArray()
    .map((child) => textOf(child as Y.XmlElement | Y.XmlText))
    .join('\n')
}

/** The plain text of every slide, in order (search, export): no speaker notes, no markup. */
export function deckText(doc: Y.Doc): string {
  return slidesOf(doc)
    .map((s) => [textOf(bodyFragment(doc, s.id)), textOf(sideFragment(doc, s.id))].join('\n'))
    .join('\n\n')
}
