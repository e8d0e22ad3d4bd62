import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { listFields, type WorksheetField } from './listFields.ts'

const same = (a: WorksheetField[], b: WorksheetField[]) =>
  a.length === b.length && a.every((f, i) => f.fieldId === b[i]!.fieldId && f.label === b[i]!.label)

/** The fields of a worksheet document, following its changes. */
export function useWorksheetFields(doc: Y.Doc): WorksheetField[] {
  const [fields, setFields] = useState(() => listFields(doc))
  useEffect(() => {
    const fragment = doc.getXmlFragment(WORKSHEET_FRAGMENT)
    const onChange = () => {
      const next = listFields(doc)
      setFields((previous) => (same(previous, next) ? previous : next))
    }
    onChange()
    fragment.observeDeep(onChange)
    return () => fragment.unobserveDeep(onChange)
  }, [doc])
  return fields
}
