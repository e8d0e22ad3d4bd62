import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { Data } from '../data/Data.ts'
import { releasedNow } from '../release/releaseOf.ts'
import { copyKeyFor } from './privateCopies.ts'
import { ownSharesOf, sheetSharesOf } from './worksheetShares.ts'

/** Who asks for a session's worksheets: one of its facilitators, or an admitted member. */
interface Reader {
  kind: 'facilitator' | 'member'
  id: string
}

/**
 * A session's worksheets as `reader` may list them: the group's sheets (after the session, a
 * member's only while released), and of each private sheet the reader's own copy and the
 * copies shared with them. Copies are named by their opaque alias, people by pseudonym only.
 */
export async function worksheetList(
  data: Data,
  reader: Reader,
  groupId: string,
  sessionId: string,
  now: number,
) {
  const rows = (
    await data
      .selectFrom('worksheets')
      .select(['id', 'title', 'mode', 'homework', 'closed_at'])
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map((r) => ({
    id: r.id,
    title: r.title,
    mode: r.mode as 'shared' | 'private',
    homework: r.homework === 1,
    closed: r.closed_at !== null,
  }))
  // After the session, a member sees of the group's material only what is released.
  const releasedTo = async (kind: 'worksheets' | 'answers') =>
    reader.kind === 'facilitator' || (await releasedNow(data, sessionId, kind, now))
  const released = {
    worksheets: await releasedTo('worksheets'),
    answers: await releasedTo('answers'),
  }
  // A copy its member deleted is no longer theirs to list (server/erasure/eraseCopy.ts).
  const deleted = new Set(
    reader.kind === 'member'
      ? (
          await data
            .selectFrom('deleted_copies as d')
            .innerJoin('worksheets as w', 'w.id', 'd.worksheet_id')
            .select('d.worksheet_id')
            .where('d.member_id', '=', reader.id)
            .where('w.session_id', '=', sessionId)
            .execute()
        ).map((r) => r.worksheet_id)
      : [],
  )
  const copyOf = async (worksheetId: string, memberId: string) =>
    sessionDocName.copy(groupId, sessionId, await copyKeyFor(data, worksheetId, memberId))
  const worksheets = []
  for (const w of rows) {
    if (w.mode === 'private' ? deleted.has(w.id) : !released.worksheets) continue
    if (w.mode === 'shared') {
      worksheets.push({ ...w, document: sessionDocName.shared(groupId, sessionId, w.id) })
      continue
    }
    // Private copies the reader may read: their own, or those shared with them.
    const copies = []
    for (const s of await sheetSharesOf(data, w.id)) {
      const shownToReader =
        reader.kind === 'facilitator'
          ? s.audience === 'facilitators'
          : s.audience === 'group' && s.memberId !== reader.id && released.answers
      if (!shownToReader) continue
      copies.push({ name: s.pseudonym, colour: s.colour, document: await copyOf(w.id, s.memberId) })
    }
    const mine = reader.kind === 'member' ? await copyOf(w.id, reader.id) : null
    const myShares = reader.kind === 'member' ? await ownSharesOf(data, w.id, reader.id) : []
    // Single answers shared with the reader's audience live in one server-written document.
    const answers = sessionDocName.answers(
      groupId,
      sessionId,
      w.id,
      reader.kind === 'facilitator' ? 'facilitators' : 'group',
    )
    worksheets.push({
      ...w,
      document: mine,
      sharedWithYou: copies,
      yourShares: myShares,
      ...(released.answers ? { answers } : {}),
    })
  }
  return worksheets
}
