import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { AddWorksheetForm } from './AddWorksheetForm.tsx'
import { openableSheets } from './openableSheets.ts'
import { CloseSheetButton } from './CloseSheetButton.tsx'
import { PresentButton, type PresentingControls } from './PresentButton.tsx'
import { readOpenSheets, writeOpenSheets } from './openSheetsInAddress.ts'
import { OwnSheetSharing } from './OwnSheetSharing.tsx'
import { SessionSnapshots } from './SessionSnapshots.tsx'
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
  /**
   * For a member who follows the group: the worksheet the facilitators brought everyone to.
   * Each new `key` opens it (the shared sheet, or the member's own copy) and focuses it.
   */
  bring?: { worksheetId: string; key: string } | null
  /** For facilitators: bringing everyone to a worksheet (null: letting them go). */
  presenting?: PresentingControls
  /** The session has ended: the group's sheets are read only, own copies stay writable. */
  over?: boolean
}

/**
 * The session's worksheets: the list, the open sheets (several at once: a member may keep the
 * group's sheet beside their own copy), and for facilitators a way to add one.
 */
export function WorksheetsPanel({
  sessionId,
  role,
  user,
  canAdd = true,
  bring = null,
  presenting,
  over = false,
}: WorksheetsPanelProps) {
  const { worksheets, problem, refresh } = useSessionWorksheets(sessionId)
  // Sheets open before a reload open again; the address keeps their names.
  const [openNames, setOpenNames] = useState<DocName[]>(() => readOpenSheets() as DocName[])
  // The sheet just opened (or brought back to): it comes into view, its first field focused.
  const [focus, setFocus] = useState<{ name: DocName; n: number } | null>(null)
  const library = useRef<HTMLDetailsElement>(null)
  const openSheet = (name: DocName) => {
    setOpenNames((names) => (names.includes(name) ? names : [...names, name]))
    setFocus((last) => ({ name, n: (last?.n ?? 0) + 1 }))
  }
  const toggle = (name: DocName) => {
    if (openNames.includes(name)) setOpenNames((names) => names.filter((n) => n !== name))
    else openSheet(name)
  }
  const sheets = worksheets ? openableSheets(worksheets, { over }) : []
  // Following the group: each new "bring" opens the sheet, adjusted while rendering so the
  // sheet opens in the same render that learns of it.
  const [brought, setBrought] = useState<string | null>(null)
  const bringing = bring && bring.key !== brought ? bring : null
  const broughtSheet =
    bringing && sheets.find((s) => s.worksheet.id === bringing.worksheetId && !s.readOnly)
  if (bringing && broughtSheet) {
    setBrought(bringing.key)
    openSheet(broughtSheet.docName)
  }
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
  // Facilitators see every private sheet as a row of its own (with homework and closing);
  // a member sees one only when they have nothing of it to open.
  const privateUnshared = worksheets.filter(
    (w) =>
      w.mode === 'private' &&
      !w.document &&
      (role === 'facilitator' || w.sharedWithYou.length === 0),
  )
  return (
    <div className="worksheets">
      {role === 'facilitator' && canAdd && (
        <details ref={library} className="add-worksheet-details">
          <summary>{over ? 'Give homework' : 'Add a worksheet'}</summary>
          <AddWorksheetForm sessionId={sessionId} onAdded={onAdded} homeworkOnly={over} />
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
              {presenting && sheet.worksheet.mode === 'shared' && !sheet.readOnly && (
                <PresentButton
                  worksheetId={sheet.worksheet.id}
                  title={sheet.label}
                  presenting={presenting}
                />
              )}
            </li>
          ))}
          {privateUnshared.map((w) => (
            <li key={w.id} className="worksheet-item">
              <strong>{w.title}</strong>
              {w.homework && <span className="badge badge--calm">Homework</span>}
              {w.closed && <span className="badge">Closed</span>}
              <span className="muted">
                Private: each member writes their own copy. You see a copy only if its owner shares
                it with you.
              </span>
              {role === 'facilitator' && (
                <CloseSheetButton
                  worksheetId={w.id}
                  title={w.title}
                  closed={w.closed}
                  onChanged={refresh}
                />
              )}
              {presenting && (
                <PresentButton worksheetId={w.id} title={w.title} presenting={presenting} />
              )}
            </li>
          ))}
        </ul>
      )}
      {over && <SessionSnapshots sessionId={sessionId} />}
      {worksheets.map(
        (w) =>
          w.answers && <SharedAnswers key={w.answers} docName={w.answers} selfName={user.name} />,
      )}
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
              focusKey={focus?.name === sheet.docName ? focus.n : null}
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
