import type * as Y from 'yjs'
import { SharingControls } from './SharingControls.tsx'
import { useWorksheetFields } from './useWorksheetFields.ts'
import type { SessionWorksheet } from './worksheetSchemas.ts'

/** The sharing controls of a member's own copy, with the answers its document holds. */
export function OwnSheetSharing({
  doc,
  worksheet,
  onChanged,
}: {
  doc: Y.Doc
  worksheet: SessionWorksheet
  onChanged: () => unknown
}) {
  const fields = useWorksheetFields(doc)
  return <SharingControls worksheet={worksheet} fields={fields} onChanged={onChanged} />
}
