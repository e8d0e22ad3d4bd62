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

/** The session's worksheets: the list, the open sheet, and for facilitators a way to add one. */
export function WorksheetsPanel({ sessionId, role, user }: WorksheetsPanelProps) {
  const { worksheets, problem, refresh } = useSessionWorksheets(sessionId)
  const [openName, setOpenName] = useState<DocName | null>(null)
  if (!worksheets) {
    return problem ? (
      <ProblemNotice message={problem.message} onRetry={() => void refresh()} />
    ) : (
      <LoadingNotice>Finding the worksheets…</LoadingNotice>
    )
  }
  const sheets = openableSheets(worksheets)
  // A sheet taken back by its owner leaves the list, and the editor closes with it.
  const open = sheets.find((s) => s.docName === openName) ?? null
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
                aria-pressed={sheet.docName === openName}
                onClick={() => setOpenName(sheet.docName)}
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
      {open && (
        <section className="worksheet-open" aria-labelledby="open-worksheet-heading">
          <p id="open-worksheet-heading" className="panel-heading">
            {open.label}
          </p>
          <Suspense fallback={<LoadingNotice>Opening the worksheet…</LoadingNotice>}>
            <WorksheetEditor
              key={open.docName}
              docName={open.docName}
              label={open.label}
              readOnly={open.readOnly}
              user={user}
              footer={
                open.own
                  ? (doc) => (
                      <OwnSheetSharing doc={doc} worksheet={open.worksheet} onChanged={refresh} />
                    )
                  : undefined
              }
            />
          </Suspense>
        </section>
      )}
    </div>
  )
}
