import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/**
 * The shape of a slide's text: headings, paragraphs, lists, emphasis. Apart from `deckDoc.ts`,
 * so that the server can read a deck's structure without loading TipTap.
 */
export const slideExtensions = () => [
  StarterKit.configure({
    undoRedo: false,
    codeBlock: false,
    horizontalRule: false,
    heading: { levels: [1, 2, 3] },
  }),
]

export const slideSchema = () => getSchema(slideExtensions())
