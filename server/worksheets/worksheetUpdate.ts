import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { worksheetSchema } from '../../shared/worksheets/worksheetSchema.ts'

/** The starting state of a worksheet document, as one Yjs update. */
export function worksheetUpdate(content: JSONContent): Uint8Array {
  const doc = prosemirrorJSONToYDoc(worksheetSchema(), content, WORKSHEET_FRAGMENT)
  return Y.encodeStateAsUpdate(doc)
}
