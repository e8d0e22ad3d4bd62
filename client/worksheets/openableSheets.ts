import type { DocName } from '../../shared/documents/docName.ts'
import type { SessionWorksheet } from './worksheetSchemas.ts'

/** One document this person can open from the worksheet list. */
export interface OpenableSheet {
  docName: DocName
  worksheet: SessionWorksheet
  /** The button's words and the editor's accessible name. */
  label: string
  /** Who writes in it, in plain words. */
  note: string
  readOnly: boolean
  /** This person's own private copy: they decide what to share. */
  own: boolean
}

/**
 * Every sheet this person may open: shared sheets, their own copies, copies shared with them.
 * Once the session is `over`, the group's sheets are kept as the group left them (read
 * only); a member's own copy stays theirs to write in.
 */
export function openableSheets(
  worksheets: readonly SessionWorksheet[],
  { over = false }: { over?: boolean } = {},
): OpenableSheet[] {
  return worksheets.flatMap((worksheet) => {
    const sheets: OpenableSheet[] = []
    if (worksheet.document) {
      const shared = worksheet.mode === 'shared'
      sheets.push({
        docName: worksheet.document,
        worksheet,
        label: shared ? worksheet.title : `${worksheet.title} (your copy)`,
        note: shared
          ? over
            ? 'The group’s sheet, as the group left it. You can read it.'
            : 'Everyone writes on this sheet together.'
          : worksheet.closed
            ? 'Private, closed by your facilitator: you can read it.'
            : worksheet.homework
              ? 'Homework: only you see it. Write in it before the next session.'
              : over
                ? 'Private: only you see it. You can go on writing in it.'
                : 'Private: only you see it.',
        readOnly: (shared && over) || (!shared && worksheet.closed),
        own: !shared,
      })
    }
    for (const copy of worksheet.sharedWithYou) {
      sheets.push({
        docName: copy.document,
        worksheet,
        label: `${worksheet.title} (${copy.name}'s copy)`,
        note: `${copy.name} shared this sheet with you. You can read it.`,
        readOnly: true,
        own: false,
      })
    }
    return sheets
  })
}
