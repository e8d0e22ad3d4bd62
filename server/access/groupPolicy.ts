import {
  ACCESS_RULES,
  parseGroupDocName,
  type AccessContext,
  type Attendance,
  type ParsedDocName,
  type SessionStatus,
} from '../../shared/documents/docKinds.ts'
import { releaseKindOf } from '../../shared/sessions/release.ts'
import { parseDeckDocName } from '../../shared/slides/deckNames.ts'
import type { Clock } from '../clock/clock.ts'
import { lazyData, type Data, type DataSource } from '../data/Data.ts'
import type { Db } from '../db/openDatabase.ts'
import { isExpired, isReleased, releaseOf, type ReleaseColumns } from '../release/releaseOf.ts'
import { authorizeByGrants, type Authorize } from './authorize.ts'
import { groupRoleOf } from './groupRoleOf.ts'
import { parseGoalsDocName } from '../../shared/goals/goalsDocNames.ts'
import { goalsPolicy } from '../goals/goalsPolicy.ts'

/**
 * The access policy: signed development tokens by their grants, people by their role in the
 * document's group and their standing in its session, through the one rule of its kind
 * (`shared/documents/docKinds.ts`). A name that is not a known kind, or a session that does
 * not exist, is refused. After a session, what the facilitators released (and for how long)
 * decides what members may still read of the group's material.
 *
 * It reads the relational data through the data source (`Services.data`). Given the `Db` instead
 * (start-up builds the policy before the services), it reaches the same SQLite connection
 * through a Kysely of its own, made on the first decision for a person (dev tokens need none).
 */
export function groupPolicy(records: DataSource | Db, now: Clock): Authorize {
  const source = typeof records === 'function' ? records : sqliteRecords(records)
  return async (principal, docName) => {
    if (principal.kind === 'token') return authorizeByGrants(principal, docName)
    const data = await source()
    // A deck in a facilitator's library, and its notes: its editors only.
    const deck = parseDeckDocName(docName)
    if (deck) {
      return principal.kind === 'facilitator' &&
        (await isDeckEditor(data, deck.deckId, principal.id))
        ? 'write'
        : 'none'
    }
    // A group's goals, and a member's own: beside the sessions, by their own rules.
    const goals = parseGoalsDocName(docName)
    if (goals) return goalsPolicy(data, principal, goals)
    const doc = parseGroupDocName(docName)
    if (!doc) return 'none'
    const sheet = await sheetOf(data, doc)
    if (!(await itemExists(data, doc, sheet))) return 'none'
    const owner = await ownerOf(data, doc)
    // A key nobody holds opens nothing: it is not a free, durable document.
    if ((doc.lineKey ?? doc.canvasKey) !== undefined && owner === undefined) return 'none'
    const session = await data
      .selectFrom('sessions')
      .select([
        'group_id',
        'canvas_locked',
        'status',
        'ended_at',
        'withheld',
        'release_days',
        'materials_deleted_at',
      ])
      .where('id', '=', doc.sessionId)
      .executeTakeFirst()
    if (!session || session.group_id !== doc.groupId) return 'none'
    const role = await groupRoleOf(data, principal, doc.groupId)
    let attendance: Attendance = 'none'
    if (principal.kind === 'member') {
      const row = await data
        .selectFrom('session_attendance')
        .select('state')
        .where('session_id', '=', doc.sessionId)
        .where('member_id', '=', principal.id)
        .executeTakeFirst()
      if (row) attendance = row.state as Attendance
    }
    const audiences = doc.kind === 'member-private' ? await audiencesOf(data, doc) : []
    const context: AccessContext = {
      role,
      sessionStatus: session.status as SessionStatus,
      attendance,
      isOwner: owner !== undefined && owner === principal.id,
      closed: doc.kind === 'member-private' && sheet?.closed_at != null,
      sharedWith: {
        facilitators: audiences.includes('facilitators'),
        group: audiences.includes('group'),
      },
      ...(doc.audience ? { audience: doc.audience } : {}),
      ...(doc.kind === 'canvas-layer' ? { canvasLocked: session.canvas_locked === 1 } : {}),
      ...releaseContext(session, doc, now()),
    }
    return ACCESS_RULES[doc.kind](context)
  }
}

/** The records on the `Db`'s SQLite connection, Kysely loaded on first use (not at start-up). */
const sqliteRecords = (db: Db): DataSource =>
  lazyData(async () => (await import('../data/openData.ts')).sqliteData(db))

const isDeckEditor = async (data: Data, deckId: string, facilitatorId: string) =>
  (await data
    .selectFrom('deck_editors')
    .select('deck_id')
    .where('deck_id', '=', deckId)
    .where('facilitator_id', '=', facilitatorId)
    .executeTakeFirst()) !== undefined

const isHandout = (doc: ParsedDocName) =>
  doc.kind === 'handout' || doc.kind === 'handout-notes' || doc.kind === 'handout-results'

type Sheet = { mode: string; closed_at: number | null } | null

/**
 * The worksheet a document holds, read once per decision (it says both whether the item
 * exists and whether it was closed), or null when the name holds none.
 */
async function sheetOf(data: Data, doc: ParsedDocName): Promise<Sheet> {
  if (doc.itemId === undefined || isHandout(doc)) return null
  const row = await data
    .selectFrom('worksheets')
    .select(['mode', 'closed_at'])
    .where('id', '=', doc.itemId)
    .where('session_id', '=', doc.sessionId)
    .executeTakeFirst()
  return row ?? null
}

/**
 * Only items that exist can be opened (a made-up `shared/<anything>` would otherwise be a
 * free, durable document): a worksheet of the right mode, or a deck brought into the session.
 */
async function itemExists(data: Data, doc: ParsedDocName, sheet: Sheet): Promise<boolean> {
  if (doc.itemId === undefined) return true
  if (isHandout(doc)) {
    const handout = await data
      .selectFrom('handouts')
      .select('id')
      .where('id', '=', doc.itemId)
      .where('session_id', '=', doc.sessionId)
      .executeTakeFirst()
    return handout !== undefined
  }
  return sheet?.mode === (doc.kind === 'session-shared' ? 'shared' : 'private')
}

/**
 * Who a document belongs to: from its name, or from its key (a private line, a canvas layer,
 * a member's own canvas).
 */
async function ownerOf(data: Data, doc: ParsedDocName): Promise<string | undefined> {
  if (doc.canvasKey !== undefined) {
    const row = await data
      .selectFrom('canvas_keys')
      .select('owner_id')
      .where('key', '=', doc.canvasKey)
      .where('session_id', '=', doc.sessionId)
      .where('kind', '=', doc.kind === 'sketch' ? 'sketch' : 'layer')
      .executeTakeFirst()
    return row?.owner_id
  }
  if (doc.lineKey === undefined) return doc.ownerId
  const row = await data
    .selectFrom('private_lines')
    .select('member_id')
    .where('line_key', '=', doc.lineKey)
    .where('session_id', '=', doc.sessionId)
    .executeTakeFirst()
  return row?.member_id
}

/** Whom a member shared their whole private copy with (not single fields). */
async function audiencesOf(data: Data, doc: ParsedDocName): Promise<string[]> {
  const rows = await data
    .selectFrom('worksheet_shares as s')
    .innerJoin('worksheets as w', 'w.id', 's.worksheet_id')
    .select('s.audience')
    .where('s.worksheet_id', '=', doc.itemId!)
    .where('s.member_id', '=', doc.ownerId!)
    .where('w.session_id', '=', doc.sessionId)
    .where('s.field_id', '=', '')
    .execute()
  return rows.map((r) => r.audience)
}

/** Whether this group material is withheld from members now, or past its retention. */
function releaseContext(
  session: ReleaseColumns,
  doc: ParsedDocName,
  now: number,
): { withheld?: boolean; expired?: boolean } {
  const kind = releaseKindOf(doc.kind)
  if (kind === null) return {}
  const release = releaseOf(session)
  return {
    withheld: !isReleased(session, release, kind, now),
    // A member's own copy is theirs: the group's retention does not delete it.
    expired: doc.kind !== 'member-private' && session.status === 'ended' && isExpired(release, now),
  }
}
