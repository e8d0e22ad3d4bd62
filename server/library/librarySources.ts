import { sessionDocName, type SessionStatus } from '../../shared/documents/docKinds.ts'
import type { ReleaseKind } from '../../shared/sessions/release.ts'
import { inProgress } from '../sessions/roomState.ts'
import type { Data } from '../data/Data.ts'
import { copyKeyFor } from '../worksheets/privateCopies.ts'
import { handoutsOf } from '../slides/handoutsOf.ts'

/** One thing a member may revisit from a session, as their library lists it. */
export interface LibraryItem {
  kind: 'worksheet' | 'answers' | 'slides' | 'canvas'
  id: string
  title: string
  /** The document to open (a private copy by its opaque alias, never by the member's id). */
  document: string
  /** The name it is stored under: for the server (search) only, never sent. */
  stored: string
  /** What it is, in a few words: "the group's sheet", "your own copy". */
  note: string
  /** Whether the member may still write in it (their own copy), or only read it. */
  writable: boolean
  /** The member's own copy: theirs to delete. */
  own: boolean
}

interface SessionRef {
  id: string
  groupId: string
  status: string
  /** Whether members may revisit the group's material of this kind now (release.ts). */
  released: (kind: ReleaseKind) => boolean
}

/**
 * Where a session's materials come from, one source per kind of material; slides, drawings
 * and chat add theirs as they land. Each returns only what this member may open: the access
 * rules of `shared/documents/docKinds.ts` decide again when the document is opened.
 */
export type LibrarySource = (
  data: Data,
  session: SessionRef,
  memberId: string,
) => Promise<LibraryItem[]>

const worksheets: LibrarySource = async (data, session, memberId) => {
  const rows = await data
    .selectFrom('worksheets as w')
    .select(['w.id', 'w.title', 'w.mode', 'w.homework', 'w.closed_at'])
    .where('w.session_id', '=', session.id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deleted_copies as d')
            .select('d.worksheet_id')
            .whereRef('d.worksheet_id', '=', 'w.id')
            .where('d.member_id', '=', memberId),
        ),
      ),
    )
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute()
  const live = inProgress(session.status as SessionStatus)
  const groupSheets = session.released('worksheets')
  const items: LibraryItem[] = []
  for (const w of rows.filter((row) => row.mode === 'private' || groupSheets)) {
    items.push(
      w.mode === 'shared'
        ? {
            kind: 'worksheet',
            id: w.id,
            title: w.title,
            document: sessionDocName.shared(session.groupId, session.id, w.id),
            stored: sessionDocName.shared(session.groupId, session.id, w.id),
            note: live ? 'The group’s sheet' : 'The group’s sheet, as the group left it',
            writable: live,
            own: false,
          }
        : {
            kind: 'worksheet',
            id: w.id,
            title: w.title,
            document: sessionDocName.copy(
              session.groupId,
              session.id,
              await copyKeyFor(data, w.id, memberId),
            ),
            stored: sessionDocName.private(session.groupId, session.id, w.id, memberId),
            note:
              w.closed_at !== null
                ? 'Your own copy, closed by your facilitator: you can read it'
                : w.homework
                  ? 'Homework: yours to do before the next session'
                  : 'Your own copy: only you see it unless you share it',
            writable: w.closed_at === null,
            own: true,
          },
    )
  }
  return items
}

/** The single answers members shared with the group, where any were, in the sheets' order. */
const sharedAnswers: LibrarySource = async (data, session) => {
  if (!session.released('answers')) return []
  const rows = await data
    .selectFrom('worksheet_shares as s')
    .innerJoin('worksheets as w', 'w.id', 's.worksheet_id')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .select(['w.id', 'w.title', 'w.created_at'])
    .distinct()
    .where('w.session_id', '=', session.id)
    .where('s.audience', '=', 'group')
    .where('s.field_id', '!=', '')
    .where('m.status', '=', 'active')
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute()
  return rows.map((w) => ({
    kind: 'answers',
    id: w.id,
    title: w.title,
    document: sessionDocName.answers(session.groupId, session.id, w.id, 'group'),
    stored: sessionDocName.answers(session.groupId, session.id, w.id, 'group'),
    note: 'Answers members shared with the group',
    writable: false,
    own: false,
  }))
}

/** The decks presented in the session, as the session's copy: never the speaker notes. */
const slides: LibrarySource = async (data, session) =>
  session.released('slides')
    ? (await handoutsOf(data, session.groupId, session.id)).map((h) => ({
        kind: 'slides',
        id: h.id,
        title: h.title,
        document: h.document,
        stored: h.document,
        note: 'The slides, as presented',
        writable: false,
        own: false,
      }))
    : []

/**
 * The whiteboard: the group canvas (group material, where it was drawn on and is released) and
 * the member's own canvas (theirs, like a private copy). Both open on the session's page.
 */
const canvases: LibrarySource = async (data, session, memberId) => {
  const keys = await data
    .selectFrom('canvas_keys')
    .select(['key', 'kind', 'owner_id'])
    .where('session_id', '=', session.id)
    .where((eb) => eb.or([eb('kind', '=', 'layer'), eb('owner_id', '=', memberId)]))
    .orderBy('created_at')
    .orderBy('key')
    .execute()
  const items: LibraryItem[] = []
  if (session.released('canvas') && keys.some((k) => k.kind === 'layer')) {
    const canvas = sessionDocName.canvas(session.groupId, session.id)
    items.push({
      kind: 'canvas',
      id: `${session.id}:canvas`,
      title: 'The group canvas',
      document: canvas,
      stored: canvas,
      note: 'The whiteboard, as the group left it',
      writable: false,
      own: false,
    })
  }
  const sketch = keys.find((k) => k.kind === 'sketch' && k.owner_id === memberId)
  if (sketch) {
    const name = sessionDocName.sketch(session.groupId, session.id, sketch.key)
    items.push({
      kind: 'canvas',
      id: `${session.id}:sketch`,
      title: 'My own canvas',
      document: name,
      stored: name,
      note: 'Your own drawings: only you see them',
      writable: false,
      own: true,
    })
  }
  return items
}

export const LIBRARY_SOURCES: LibrarySource[] = [worksheets, sharedAnswers, slides, canvases]
