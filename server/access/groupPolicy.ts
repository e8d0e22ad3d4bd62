import {
  ACCESS_RULES,
  parseGroupDocName,
  type AccessContext,
  type Attendance,
  type GroupRole,
  type ParsedDocName,
  type SessionStatus,
} from '../../shared/documents/docKinds.ts'
import { releaseKindOf } from '../../shared/sessions/release.ts'
import { parseDeckDocName } from '../../shared/slides/deckNames.ts'
import type { Clock } from '../clock/clock.ts'
import type { Db } from '../db/openDatabase.ts'
import {
  isExpired,
  isReleased,
  RELEASE_COLUMNS,
  releaseOf,
  type ReleaseColumns,
} from '../release/releaseOf.ts'
import { authorizeByGrants, type Authorize } from './authorize.ts'
import { parseGoalsDocName } from '../../shared/goals/goalsDocNames.ts'
import { goalsPolicy } from '../goals/goalsPolicy.ts'

/**
 * The access policy: signed development tokens by their grants, people by their role in the
 * document's group and their standing in its session, through the one rule of its kind
 * (`shared/documents/docKinds.ts`). A name that is not a known kind, or a session that does
 * not exist, is refused. After a session, what the facilitators released (and for how long)
 * decides what members may still read of the group's material.
 */
export function groupPolicy(db: Db, now: Clock): Authorize {
  const sessionOf = db.sql.prepare(
    `SELECT group_id, canvas_locked, ${RELEASE_COLUMNS} FROM sessions WHERE id = ?`,
  )
  const facilitatorRole = db.sql.prepare(
    'SELECT role FROM group_facilitators WHERE group_id = ? AND facilitator_id = ?',
  )
  const memberOf = db.sql.prepare('SELECT group_id, status FROM members WHERE id = ?')
  const attendanceOf = db.sql.prepare(
    'SELECT state FROM session_attendance WHERE session_id = ? AND member_id = ?',
  )
  const sharesOf = db.sql.prepare(
    `SELECT s.audience FROM worksheet_shares s JOIN worksheets w ON w.id = s.worksheet_id
     WHERE s.worksheet_id = ? AND s.member_id = ? AND w.session_id = ? AND s.field_id = ''`,
  )
  const worksheetMode = db.sql.prepare(
    'SELECT mode, closed_at FROM worksheets WHERE id = ? AND session_id = ?',
  )
  const lineOwner = db.sql.prepare(
    'SELECT member_id FROM private_lines WHERE line_key = ? AND session_id = ?',
  )
  const canvasOwner = db.sql.prepare(
    'SELECT owner_id FROM canvas_keys WHERE key = ? AND session_id = ? AND kind = ?',
  )
  /**
   * Who a document belongs to: from its name, or from its key (a private line, a canvas layer,
   * a member's own canvas).
   */
  const ownerOf = (doc: ParsedDocName): string | undefined => {
    if (doc.canvasKey !== undefined) {
      const kind = doc.kind === 'sketch' ? 'sketch' : 'layer'
      const row = canvasOwner.get(doc.canvasKey, doc.sessionId, kind) as
        { owner_id: string } | undefined
      return row?.owner_id
    }
    if (doc.lineKey === undefined) return doc.ownerId
    const row = lineOwner.get(doc.lineKey, doc.sessionId) as { member_id: string } | undefined
    return row?.member_id
  }
  const decideGoals = goalsPolicy(db)
  const handoutOf = db.sql.prepare('SELECT 1 FROM handouts WHERE id = ? AND session_id = ?')
  const deckEditor = db.sql.prepare(
    'SELECT 1 FROM deck_editors WHERE deck_id = ? AND facilitator_id = ?',
  )
  const isHandout = (doc: ParsedDocName) =>
    doc.kind === 'handout' || doc.kind === 'handout-notes' || doc.kind === 'handout-results'
  /**
   * The worksheet a document holds, read once per decision (it says both whether the item
   * exists and whether it was closed), or null when the name holds none.
   */
  const sheetOf = (doc: ParsedDocName) =>
    doc.itemId === undefined || isHandout(doc)
      ? null
      : ((worksheetMode.get(doc.itemId, doc.sessionId) as
          { mode: string; closed_at: number | null } | undefined) ?? null)
  /**
   * Only items that exist can be opened (a made-up `shared/<anything>` would otherwise be a
   * free, durable document): a worksheet of the right mode, or a deck brought into the session.
   */
  const itemExists = (doc: ParsedDocName, sheet: ReturnType<typeof sheetOf>): boolean => {
    if (doc.itemId === undefined) return true
    if (isHandout(doc)) return handoutOf.get(doc.itemId, doc.sessionId) !== undefined
    return sheet?.mode === (doc.kind === 'session-shared' ? 'shared' : 'private')
  }
  return (principal, docName) => {
    if (principal.kind === 'token') return authorizeByGrants(principal, docName)
    // A deck in a facilitator's library, and its notes: its editors only.
    const deck = parseDeckDocName(docName)
    if (deck) {
      return principal.kind === 'facilitator' && deckEditor.get(deck.deckId, principal.id)
        ? 'write'
        : 'none'
    }
    // A group's goals, and a member's own: beside the sessions, by their own rules.
    const goals = parseGoalsDocName(docName)
    if (goals) return decideGoals(principal, goals)
    const doc = parseGroupDocName(docName)
    if (!doc) return 'none'
    const sheet = sheetOf(doc)
    if (!itemExists(doc, sheet)) return 'none'
    const owner = ownerOf(doc)
    // A key nobody holds opens nothing: it is not a free, durable document.
    if ((doc.lineKey ?? doc.canvasKey) !== undefined && owner === undefined) return 'none'
    const session = sessionOf.get(doc.sessionId) as
      | (ReleaseColumns & { group_id: string; status: SessionStatus; canvas_locked: number })
      | undefined
    if (!session || session.group_id !== doc.groupId) return 'none'
    let role: GroupRole = 'outsider'
    let attendance: Attendance = 'none'
    if (principal.kind === 'facilitator') {
      const row = facilitatorRole.get(doc.groupId, principal.id) as
        { role: 'lead' | 'co' } | undefined
      if (row) role = row.role
    } else {
      const member = memberOf.get(principal.id) as { group_id: string; status: string } | undefined
      if (member?.group_id === doc.groupId) role = member.status === 'active' ? 'member' : 'removed'
      const row = attendanceOf.get(doc.sessionId, principal.id) as { state: Attendance } | undefined
      if (row) attendance = row.state
    }
    const audiences =
      doc.kind === 'member-private'
        ? (sharesOf.all(doc.itemId!, doc.ownerId!, doc.sessionId) as { audience: string }[]).map(
            (r) => r.audience,
          )
        : []
    const context: AccessContext = {
      role,
      sessionStatus: session.status,
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
