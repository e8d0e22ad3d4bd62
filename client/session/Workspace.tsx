import { lazy, Suspense, useId, useState, type KeyboardEvent } from 'react'
import type { SlidesPanelProps } from '../slides/SlidesPanel.tsx'
import type { CanvasPresented } from './roomState.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { WorksheetsPanel, type WorksheetsPanelProps } from '../worksheets/WorksheetsPanel.tsx'

// The slides load when their tab first opens: a member who never opens it never fetches them.
const SlidesPanel = lazy(() =>
  import('../slides/SlidesPanel.tsx').then((m) => ({ default: m.SlidesPanel })),
)
// So does the whiteboard (tldraw: about 530 KB gzipped, and its fonts).
const WhiteboardPanel = lazy(() =>
  import('../whiteboard/WhiteboardPanel.tsx').then((m) => ({ default: m.WhiteboardPanel })),
)

const TABS = [
  { id: 'worksheets', label: 'Worksheets', ready: true },
  { id: 'slides', label: 'Slides', ready: true },
  { id: 'whiteboard', label: 'Whiteboard', ready: true },
] as const
type TabId = (typeof TABS)[number]['id']
const READY = TABS.filter((t) => t.ready)

/**
 * The shared workspace of the room, as tabs: worksheets, slides and the whiteboard, each tab's
 * code loaded when it first opens. When a facilitator starts presenting slides, or brings
 * everyone to a worksheet or the group canvas, a member who follows is taken there.
 */
export function Workspace(
  props: WorksheetsPanelProps & {
    slides: Omit<SlidesPanelProps, 'role' | 'over'>
    /** The group canvas (at one work) the facilitators brought everyone to, or null. */
    canvas: CanvasPresented | null
  },
) {
  const id = useId()
  const follow = props.role === 'member'
  // Arriving while slides or the canvas are presented: straight to them.
  const [tab, setTab] = useState<TabId>(() =>
    follow && props.slides.presented
      ? 'slides'
      : follow && props.canvas
        ? 'whiteboard'
        : 'worksheets',
  )
  // Each bring to the canvas (a new work spotlit) takes a member to the whiteboard.
  const canvasKey = props.canvas?.at ?? null
  const [lastCanvas, setLastCanvas] = useState(canvasKey)
  if (canvasKey !== lastCanvas) {
    setLastCanvas(canvasKey)
    if (follow && canvasKey) setTab('whiteboard')
  }
  // A presentation's start (not each slide it moves to) takes a member to the slides.
  const slidesKey = props.slides.presented?.id ?? null
  const [lastSlides, setLastSlides] = useState(slidesKey)
  if (slidesKey !== lastSlides) {
    setLastSlides(slidesKey)
    if (follow && slidesKey) setTab('slides')
  }
  const bringKey = props.bring?.key ?? null
  const [lastBring, setLastBring] = useState(bringKey)
  if (bringKey !== lastBring) {
    setLastBring(bringKey)
    if (bringKey) setTab('worksheets')
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const at = READY.findIndex((t) => t.id === tab)
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % READY.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + READY.length) % READY.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? READY.length - 1
              : null
    if (to === null) return
    event.preventDefault()
    setTab(READY[to]!.id)
    document.getElementById(`${id}-${READY[to]!.id}`)?.focus()
  }
  return (
    <section className="workspace panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Workspace
      </h2>
      <div role="tablist" aria-label="Workspace" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${id}-${t.id}`}
            className="tab"
            aria-selected={t.id === tab}
            aria-controls={t.ready ? `${id}-panel-${t.id}` : undefined}
            aria-disabled={!t.ready || undefined}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => t.ready && setTab(t.id)}
          >
            {t.label}
            {!t.ready && <span className="tab-soon"> (coming soon)</span>}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-worksheets`}
        aria-labelledby={`${id}-worksheets`}
        hidden={tab !== 'worksheets'}
      >
        <WorksheetsPanel {...props} />
      </div>
      {tab === 'slides' && (
        <div role="tabpanel" id={`${id}-panel-slides`} aria-labelledby={`${id}-slides`}>
          <Suspense fallback={<LoadingNotice>Opening the slides…</LoadingNotice>}>
            <SlidesPanel {...props.slides} role={props.role} over={props.over ?? false} />
          </Suspense>
        </div>
      )}
      {tab === 'whiteboard' && (
        <div role="tabpanel" id={`${id}-panel-whiteboard`} aria-labelledby={`${id}-whiteboard`}>
          <Suspense fallback={<LoadingNotice>Opening the whiteboard…</LoadingNotice>}>
            <WhiteboardPanel
              sessionId={props.sessionId}
              role={props.role}
              over={props.over ?? false}
              spotlight={props.canvas}
            />
          </Suspense>
        </div>
      )}
    </section>
  )
}
