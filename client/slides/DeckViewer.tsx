import { useRef, useState, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { parseDocName } from '../../shared/documents/docName.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { notesFragment, type SlideView } from '../../shared/slides/deckDoc.ts'
import { toApiError } from '../api/ApiError.ts'
import type { Handout, SlidesPresented } from '../session/roomState.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { useSyncSnapshot } from '../sync/useSyncSnapshot.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { presentSlide, stopPresenting } from './presentSlide.ts'
import { ContentNoteGate } from './ContentNoteGate.tsx'
import { FacilitatorResults } from './FacilitatorResults.tsx'
import { ResponseForm } from './ResponseForm.tsx'
import { ResultsView } from './ResultsView.tsx'
import { useGroupResults } from './useGroupResults.ts'
import { SlideFrame } from './SlideFrame.tsx'
import { SlideText } from './SlideText.tsx'
import { useDeck } from './useDeck.ts'

export interface DeckViewerProps {
  sessionId: string
  groupId: string
  handout: Handout
  role: 'facilitator' | 'member'
  /** The presentation, when it is of this deck. */
  presented: SlidesPresented | null
  /** The session is over: no presenting, everyone browses. */
  over: boolean
}

/** A deck of the session, opened over the room's socket; render with `key` = its id. */
export function DeckViewer(props: DeckViewerProps) {
  const state = useSyncedDoc(props.handout.document, null)
  if (state.phase === 'loading') return <LoadingNotice>Opening the slides…</LoadingNotice>
  if (state.phase === 'failed') {
    return <ProblemNotice message="The slides could not be opened." onRetry={state.retry} />
  }
  return <SyncedDeck {...props} synced={state.synced} />
}

function SyncedDeck(props: DeckViewerProps & { synced: SyncedDoc }) {
  const { hasSynced, refusedWith } = useSyncSnapshot(props.synced)
  if (refusedWith !== null) return <ProblemNotice message="These slides are not open to you." />
  if (!hasSynced) return <LoadingNotice>Opening the slides…</LoadingNotice>
  return <Slides {...props} doc={props.synced.doc} />
}

function Slides({
  sessionId,
  groupId,
  handout,
  role,
  presented,
  over,
  doc,
}: DeckViewerProps & { doc: Y.Doc }) {
  const deck = useDeck(doc)
  const groupResults = useGroupResults(doc)
  const stage = useRef<HTMLDivElement>(null)
  const [own, setOwn] = useState(presented?.slide ?? 0)
  const [following, setFollowing] = useState(true)
  const [problem, setProblem] = useState<string | null>(null)
  const live = presented !== null && !over
  const presenting = role === 'facilitator' && live
  const followed = role === 'member' && live && following
  const last = Math.max(0, deck.slides.length - 1)
  const index = Math.min(presenting || followed ? presented!.slide : own, last)
  const slide = deck.slides[index]

  const go = async (to: number) => {
    const target = Math.max(0, Math.min(last, to))
    setProblem(null)
    if (presenting) {
      try {
        await presentSlide(sessionId, handout.id, target)
      } catch (error) {
        setProblem(toApiError(error).message)
      }
      return
    }
    // A member who moves is browsing on their own until they return.
    if (role === 'member' && live) setFollowing(false)
    setOwn(target)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      PageDown: index + 1,
      ArrowLeft: index - 1,
      PageUp: index - 1,
      Home: 0,
      End: last,
    }
    const to = moves[event.key]
    if (to === undefined) return
    event.preventDefault()
    void go(to)
  }
  const fullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen()
    else void stage.current?.requestFullscreen?.()
  }
  const act = (work: Promise<unknown>) =>
    work.catch((error: unknown) => setProblem(toApiError(error).message))

  if (!slide) return <p className="muted">This deck has no slides.</p>
  const counter = `Slide ${index + 1} of ${deck.slides.length}`
  const view = (
    <div
      ref={stage}
      className="slide-stage"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={`${deck.title || handout.title}: use the arrow keys to move between slides`}
    >
      {role === 'member' ? (
        <ContentNoteGate key={slide.id} note={slide.note} what="this slide">
          <SlideFrame doc={doc} slide={slide} editable={false} label={counter} />
        </ContentNoteGate>
      ) : (
        <>
          {slide.note && <p className="badge">Content note: {slide.note}</p>}
          <SlideFrame doc={doc} slide={slide} editable={false} label={counter} />
        </>
      )}
      <div className="slide-controls">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={index === 0 || undefined}
          onClick={() => void go(index - 1)}
        >
          Previous
        </button>
        <span className="slide-counter" aria-live={followed ? 'polite' : 'off'}>
          {index + 1} / {deck.slides.length}
        </span>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={index === last || undefined}
          onClick={() => void go(index + 1)}
        >
          Next
        </button>
        <button type="button" className="button button--quiet button--small" onClick={fullScreen}>
          Full screen
        </button>
      </div>
    </div>
  )
  return (
    <section className="stack-small" aria-label={`Slides: ${deck.title || handout.title}`}>
      {role === 'member' && live && !following && (
        <p className="presented-notice" role="status">
          You are looking at the slides on your own.{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setFollowing(true)}
          >
            Back to the presenter (slide {presented!.slide + 1})
          </button>
        </p>
      )}
      {role === 'facilitator' && !over && (
        <div className="actions">
          {presenting ? (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => void act(stopPresenting(sessionId))}
            >
              Stop presenting
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => void act(presentSlide(sessionId, handout.id, index))}
            >
              Present to everyone from slide {index + 1}
            </button>
          )}
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {role === 'member' ? (
        <ContentNoteGate note={deck.note} what="these slides">
          {view}
        </ContentNoteGate>
      ) : (
        <div className="presenter-view">
          {view}
          <PresenterNotes
            groupId={groupId}
            sessionId={sessionId}
            handoutId={handout.id}
            slideId={slide.id}
            index={index}
            next={deck.slides[index + 1] ?? null}
            doc={doc}
          />
        </div>
      )}
      {slide.response && role === 'member' && live && (
        <ResponseForm
          key={slide.id}
          sessionId={sessionId}
          handoutId={handout.id}
          slideId={slide.id}
          spec={slide.response}
        />
      )}
      {slide.response && role === 'facilitator' && (
        <FacilitatorResults
          key={slide.id}
          groupId={groupId}
          sessionId={sessionId}
          handoutId={handout.id}
          slideId={slide.id}
          spec={slide.response}
          shownToGroup={groupResults.has(slide.id)}
        />
      )}
      {slide.response && role === 'member' && groupResults.has(slide.id) && (
        <section className="stack-small" aria-label="What the group answered">
          <h2 className="panel-heading">What the group answered</h2>
          <ResultsView spec={slide.response} results={groupResults.get(slide.id)!} />
        </section>
      )}
    </section>
  )
}

/** The facilitators' side of presenting: this slide's notes and the next slide. */
function PresenterNotes({
  groupId,
  sessionId,
  handoutId,
  slideId,
  index,
  next,
  doc,
}: {
  groupId: string
  sessionId: string
  handoutId: string
  slideId: string
  index: number
  next: SlideView | null
  doc: Y.Doc
}) {
  const name = parseDocName(sessionDocName.handoutNotes(groupId, sessionId, handoutId))
  const notes = useSyncedDoc(name!, null)
  return (
    <aside className="stack-small" aria-label="Presenter view">
      <h2 className="panel-heading">Speaker notes</h2>
      {notes.phase === 'ready' ? (
        <SlideText
          key={`notes:${slideId}`}
          fragment={notesFragment(notes.synced.doc, slideId)}
          editable
          label={`Speaker notes for slide ${index + 1}`}
          className="notes-text"
        />
      ) : (
        <p className="muted">Opening the notes…</p>
      )}
      <h2 className="panel-heading">Next</h2>
      {next ? (
        <SlideFrame doc={doc} slide={next} editable={false} label={`Next: slide ${index + 2}`} />
      ) : (
        <p className="muted">This is the last slide.</p>
      )}
    </aside>
  )
}
