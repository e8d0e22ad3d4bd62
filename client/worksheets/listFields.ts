import * as Y from 'yjs'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'

/** An answer or rating of a worksheet, by its stable id and label. */
export interface WorksheetField {
  fieldId: string
  label: string
}

const FIELD_NODES = new Set(['answerField', 'ratingField'])

/** The fields of a worksheet document, in order, as the sharing controls list them. */
export function listFields(doc: Y.Doc): WorksheetField[] {
  const fields: WorksheetField[] = []
  const visit = (element: Y.XmlElement | Y.XmlFragment) => {
    for (const child of element.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      const fieldId = child.getAttribute('fieldId')
      if (FIELD_NODES.has(child.nodeName) && typeof fieldId === 'string' && fieldId) {
        const label = child.getAttribute('label')
        fields.push({ fieldId, label: typeof label === 'string' && label ? label : fieldId })
      } else visit(child)
    }
  }
  visit(doc.getXmlFragment(WORKSHEET_FRAGMENT))
  return fields
}
