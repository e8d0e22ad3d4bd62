import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { AddWorksheetForm } from './AddWorksheetForm.tsx'
import { openableSheets } from './openableSheets.ts'
import { readOpenSheets, writeOpenSheets } from './openSheetsInAddress.ts'
import { OwnSheetSharing } from './OwnSheetSharing.tsx'
import { SharedAnswers } from './SharedAnswers.tsx'

// TipTap and the editor load when a sheet is first opened, not with the room.
const WorksheetEditor = lazy(() =>
  import('./WorksheetEditor.tsx').then((m) => ({ default: m.WorksheetEditor })),
)
import { useSessionWorksheets } from './useSessionWorksheets.ts'

export interface WorksheetsPanelProps {
  sessionId: string
  role: 'facilitator' | 'member'
  user: { name: string; colour: string }
  /** Facilitators may add worksheets while the session is not over. */
  canAdd?: boolean
}

/**
 * The session's worksheets: the list, the open sheets (several at once: a member may keep the
 * group's sheet beside their own copy), and for facilitators a way to add one.
 */
export function WorksheetsPanel({ sessionId, role, user, canAdd = true }: WorksheetsPanelProps) {
  const { worksheets, problem, refresh } = useSessionWorksheets(sessionId)
  // Sheets open before a reload open again; the address keeps their names.
  const [openNames, setOpenNames] = useState<DocName[]>(() => readOpenSheets() as DocName[])
  // The sheet just opened: it comes into view and its first field takes the focus.
  const [focusName, setFocusName] = useState<DocName | null>(null)
  const library = useRef<HTMLDetailsElement>(null)
  const openSheet = (name: DocName) => {
    setOpenNames((names) => (names.includes(name) ? names : [...names, name]))
    setFocusName(name)
  }
  const toggle = (name: DocName) => {
    if (openNames.includes(name)) setOpenNames((names) => names.filter((n) => n !== name))
    else openSheet(name)
  }
  const sheets = worksheets ? openableSheets(worksheets) : []
  useEffect(() => {
    // Until the list has loaded, keep the names from the address as they are.
    if (worksheets) writeOpenSheets(openNames.filter((n) => sheets.some((s) => s.docName === n)))
  })
  // A worksheet just added: its "Open" button takes the focus once the list shows it.
  const added = useRef<string | null>(null)
  useEffect(() => {
    if (!added.current || !worksheets?.some((w) => w.id === added.current)) return
    const item = document.querySelector(`[data-worksheet-id="${added.current}"] button`)
    added.current = null
    if (item instanceof HTMLElement) item.focus()
  })
  const onAdded = async (id: string) => {
    // The library closes: the new sheet, not the list of templates, is what comes next.
    if (library.current) library.current.open = false
    added.current = id
    await refresh()
  }
  if (!worksheets) {
    return problem ? (
      <ProblemNotice message={problem.message} onRetry={() => void refresh()} />
    ) : (
      <LoadingNotice>Finding the worksheets…</LoadingNotice>
    )
  }
  // A sheet taken back by its owner leaves the list, and its editor closes with it.
  const open = openNames.flatMap((name) => sheets.filter((s) => s.docName === name))
  const privateUnshared = worksheets.filter(
    (w) => w.mode === 'private' && !w.document && w.sharedWithYou.length === 0,
  )
  return (
    <div className="worksheets">
      {role === 'facilitator' && canAdd && (
        <details ref={library} className="add-worksheet-details">
          <summary>Add a worksheet</summary>
          <AddWorksheetForm sessionId={sessionId} onAdded={onAdded} />
        </details>
      )}
      {sheets.length === 0 && privateUnshared.length === 0 ? (
        <p className="muted">
          {role === 'facilitator'
            ? 'No worksheets yet. Add one from the library.'
            : 'No worksheets yet. Your facilitator will add them here.'}
        </p>
      ) : (
        <ul className="worksheet-list" aria-label="Worksheets">
          {sheets.map((sheet) => (
            <li
              key={sheet.docName}
              className="worksheet-item"
              data-worksheet-id={sheet.worksheet.id}
            >
              <button
                type="button"
                className="button button--secondary button--small"
                aria-pressed={openNames.includes(sheet.docName)}
                onClick={() => toggle(sheet.docName)}
              >
                Open {sheet.label}
              </button>
              <span className="muted">{sheet.note}</span>
            </li>
          ))}
          {privateUnshared.map((w) => (
            <li key={w.id} className="worksheet-item">
              <strong>{w.title}</strong>
              <span className="muted">
                Private: each member writes their own copy. You see a copy only if its owner shares
                it with you.
              </span>
            </li>
          ))}
        </ul>
      )}
      {worksheets.map((w) => w.answers && <SharedAnswers key={w.answers} docName={w.answers} />)}
      {open.map((sheet, index) => (
        <section
          key={sheet.docName}
          className="worksheet-open"
          aria-labelledby={`open-worksheet-heading-${index}`}
        >
          <p id={`open-worksheet-heading-${index}`} className="panel-heading">
            {sheet.label}
          </p>
          <Suspense fallback={<LoadingNotice>Opening the worksheet…</LoadingNotice>}>
            <WorksheetEditor
              docName={sheet.docName}
              label={sheet.label}
              readOnly={sheet.readOnly}
              focusOnOpen={focusName === sheet.docName}
              user={user}
              footer={
                sheet.own
                  ? (doc) => (
                      <OwnSheetSharing doc={doc} worksheet={sheet.worksheet} onChanged={refresh} />
                    )
                  : undefined
              }
            />
          </Suspense>
        </section>
      ))}
    </div>
  )
}
