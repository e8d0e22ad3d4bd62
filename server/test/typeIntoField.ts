import * as Y from 'yjs'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'

/** The first paragraph of a worksheet answer, where a member's writing goes. */
export function fieldParagraph(doc: Y.Doc, fieldId: string): Y.XmlElement {
  const element = doc
    .getXmlFragment(WORKSHEET_FRAGMENT)
    .toArray()
    .find((n) => n instanceof Y.XmlElement && n.getAttribute('fieldId') === fieldId)
  if (!(element instanceof Y.XmlElement)) throw new Error(`no field ${fieldId}`)
  return element.get(0) as Y.XmlElement
}

/** Writes `text` at the start of a worksheet answer, as a member typing in it would. */
export function typeIntoField(doc: Y.Doc, fieldId: string, text: string): void {
  fieldParagraph(doc, fieldId).insert(0, [new Y.XmlText(text)])
}
