import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { WORKSHEET_NODES } from './worksheetNodes.ts'

/**
 * The extensions that define a worksheet's document shape. The client adds Collaboration,
 * CollaborationCaret and node views on top; the shape must not differ between the two sides.
 * Yjs provides undo, so StarterKit's own history is off.
 */
export const worksheetExtensions = () => [
  StarterKit.configure({ undoRedo: false, codeBlock: false, horizontalRule: false }),
  ...WORKSHEET_NODES,
]

export const worksheetSchema = () => getSchema(worksheetExtensions())
