import { useId, type KeyboardEvent } from 'react'
import { WorksheetsPanel, type WorksheetsPanelProps } from '../worksheets/WorksheetsPanel.tsx'

const TABS = [
  { id: 'worksheets', label: 'Worksheets', ready: true },
  { id: 'slides', label: 'Slides', ready: false },
  { id: 'whiteboard', label: 'Whiteboard', ready: false },
] as const

/**
 * The shared workspace of the room, as tabs. Only worksheets exist yet; slides and the
 * whiteboard are shown, marked "coming soon", so the room's shape does not change later.
 */
export function Workspace(props: WorksheetsPanelProps) {
  const id = useId()
  // One tab is usable: arrow keys have nowhere to go, but Home/End keep the usual pattern.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Home' || event.key === 'End') event.preventDefault()
  }
  return (
    <section className="workspace panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Workspace
      </h2>
      <div role="tablist" aria-label="Workspace" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${id}-${tab.id}`}
            className="tab"
            aria-selected={tab.id === 'worksheets'}
            aria-controls={tab.ready ? `${id}-panel` : undefined}
            aria-disabled={!tab.ready || undefined}
            tabIndex={tab.ready ? 0 : -1}
          >
            {tab.label}
            {!tab.ready && <span className="tab-soon"> (coming soon)</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-worksheets`}>
        <WorksheetsPanel {...props} />
      </div>
    </section>
  )
}
