import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { worksheetSchema } from '../../shared/worksheets/worksheetSchema.ts'

/**
 * Who writes every seed. Browsers pick a random 32-bit id; a fixed one makes the same content
 * the same update, byte for byte, wherever it is made: two instances that seed one new
 * document at once (issue 21) store the same update twice, and Yjs applies it once.
 */
const SEED_CLIENT_ID = 1

/** The starting state of a worksheet document, as one Yjs update. */
export function worksheetUpdate(content: JSONContent): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = SEED_CLIENT_ID
  prosemirrorJSONToYXmlFragment(worksheetSchema(), content, doc.getXmlFragment(WORKSHEET_FRAGMENT))
  return Y.encodeStateAsUpdate(doc)
}
