import { parseDocName } from '../../shared/documents/docName.ts'
import { deckDocName } from '../../shared/slides/deckNames.ts'
import { RequireFacilitator } from '../auth/RequireSignIn.tsx'
import { Link } from '../router/Link.tsx'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { useSyncSnapshot } from '../sync/useSyncSnapshot.ts'
import { DocumentSaveStatus } from '../sync/DocumentSaveStatus.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { DeckEditor } from './DeckEditor.tsx'
import './slides.css'

/** `/decks/:deckId`: one deck, written together, live. */
export function DeckPage({ deckId }: { deckId: string }) {
  const deck = parseDocName(deckDocName.deck(deckId))
  const notes = parseDocName(deckDocName.notes(deckId))
  return (
    <div className="stack">
      <div className="page-intro">
        <p className="breadcrumb">
          <Link to="/decks">Slide decks</Link>
        </p>
        <PageHeading title="Edit a deck">Edit a deck</PageHeading>
        <p className="lede">Written together, live: every change is saved as you type.</p>
      </div>
      {deck && notes ? (
        <RequireFacilitator>
          {() => <OpenDeck deckId={deckId} deck={deck} notes={notes} />}
        </RequireFacilitator>
      ) : (
        <ProblemNotice message="This deck could not be found." />
      )}
    </div>
  )
}

function OpenDeck({
  deckId,
  deck,
  notes,
}: {
  deckId: string
  deck: NonNullable<ReturnType<typeof parseDocName>>
  notes: NonNullable<ReturnType<typeof parseDocName>>
}) {
  const slides = useSyncedDoc(deck, null)
  const speaker = useSyncedDoc(notes, null)
  if (slides.phase === 'failed' || speaker.phase === 'failed') {
    return <ProblemNotice message="This deck could not be opened. Is it shared with you?" />
  }
  if (slides.phase === 'loading' || speaker.phase === 'loading') {
    return <LoadingNotice>Opening the deck…</LoadingNotice>
  }
  return <SyncedDeck deckId={deckId} slides={slides.synced} notes={speaker.synced} />
}

function SyncedDeck({
  deckId,
  slides,
  notes,
}: {
  deckId: string
  slides: SyncedDoc
  notes: SyncedDoc
}) {
  const deck = useSyncSnapshot(slides)
  const speaker = useSyncSnapshot(notes)
  if (deck.refusedWith !== null || speaker.refusedWith !== null) {
    return <ProblemNotice message="This deck could not be opened. Is it shared with you?" />
  }
  if (!deck.hasSynced || !speaker.hasSynced) return <LoadingNotice>Opening the deck…</LoadingNotice>
  return (
    <>
      <DocumentSaveStatus synced={slides} />
      <DeckEditor deckId={deckId} doc={slides.doc} notes={notes.doc} />
    </>
  )
}
