import { lazy, Suspense, useState } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { AddWorksheetForm } from './AddWorksheetForm.tsx'
import { openableSheets } from './openableSheets.ts'
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
}

/**
 * The session's worksheets: the list, the open sheets (several at once: a member may keep the
 * group's sheet beside their own copy), and for facilitators a way to add one.
 */
export function WorksheetsPanel({ sessionId, role, user }: WorksheetsPanelProps) {
  const { worksheets, problem, refresh } = useSessionWorksheets(sessionId)
  const [openNames, setOpenNames] = useState<DocName[]>([])
  const toggle = (name: DocName) =>
    setOpenNames((names) =>
      names.includes(name) ? names.filter((n) => n !== name) : [...names, name],
    )
  if (!worksheets) {
    return problem ? (
      <ProblemNotice message={problem.message} onRetry={() => void refresh()} />
    ) : (
      <LoadingNotice>Finding the worksheets…</LoadingNotice>
    )
  }
  const sheets = openableSheets(worksheets)
  // A sheet taken back by its owner leaves the list, and its editor closes with it.
  const open = openNames.flatMap((name) => sheets.filter((s) => s.docName === name))
  const privateUnshared = worksheets.filter(
    (w) => w.mode === 'private' && !w.document && w.sharedWithYou.length === 0,
  )
  return (
    <div className="worksheets">
      {role === 'facilitator' && (
        <details className="add-worksheet-details">
          <summary>Add a worksheet</summary>
          <AddWorksheetForm sessionId={sessionId} onAdded={refresh} />
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
            <li key={sheet.docName} className="worksheet-item">
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
