import type { Access } from '../access/Access.ts'

/**
 * Every kind of document in a group, its name pattern, and its one access rule. The server
 * decides with these rules; the client uses them only to shape the interface.
 *
 * Names carry opaque ids only (C1): `g/<group>/s/<session>/…`.
 */
export type DocKind =
  | 'session-room'
  | 'session-shared'
  | 'member-private'
  | 'facilitator-only'
  | 'handout'
  | 'chat'
  | 'signals'
  | 'shared-answers'
  | 'private-line'
  | 'handout-notes'
  | 'handout-results'
  | 'canvas'
  | 'canvas-layer'
  | 'sketch'

export const DOC_KINDS: readonly DocKind[] = [
  'shared-answers',
  'private-line',
  'signals',
  'session-room',
  'session-shared',
  'member-private',
  'facilitator-only',
  'handout',
  'chat',
  'handout-notes',
  'handout-results',
  'canvas',
  'canvas-layer',
  'sketch',
]

/**
 * The most each kind of document may weigh (bytes of its stored Yjs state): far above what a
 * group's real use makes, far below what fills a disk or a joiner's phone. A write past it is
 * refused with `documentFull`.
 */
export const DOC_BYTE_CAPS: Record<DocKind, number> = {
  'session-room': 1024 * 1024,
  'session-shared': 4 * 1024 * 1024,
  'member-private': 2 * 1024 * 1024,
  'facilitator-only': 4 * 1024 * 1024,
  handout: 8 * 1024 * 1024,
  chat: 8 * 1024 * 1024,
  signals: 1024 * 1024,
  'shared-answers': 2 * 1024 * 1024,
  'private-line': 1024 * 1024,
  'handout-notes': 2 * 1024 * 1024,
  'handout-results': 1024 * 1024,
  // The group canvas's page and settings; each person's layer of it; a member's own canvas.
  canvas: 1024 * 1024,
  'canvas-layer': 4 * 1024 * 1024,
  sketch: 4 * 1024 * 1024,
}

export interface ParsedDocName {
  kind: DocKind
  groupId: string
  sessionId: string
  /** The worksheet or handout a document holds. */
  itemId?: string
  /** The member a private document belongs to. */
  ownerId?: string
  /** The opaque key of a member's private line (the server knows whose it is). */
  lineKey?: string
  /** The opaque key of a person's canvas layer or a member's own canvas (server-resolved). */
  canvasKey?: string
  /** Who may read a document of shared answers. */
  audience?: 'facilitators' | 'group'
}

const id = (prefix: string) => `${prefix}[a-z2-7]{20}`
const BASE = `^g/(?<group>${id('g')})/s/(?<session>${id('s')})`
const ITEM = '(?<item>[a-z0-9][a-z0-9_-]{0,63})'
const OWNER = `(?<owner>${id('m')})`
const LINE = `(?<line>${id('l')})`
const CANVAS_KEY = `(?<canvas>${id('y')})`
const PATTERNS: [DocKind, RegExp][] = [
  ['session-room', new RegExp(`${BASE}/room$`)],
  ['session-shared', new RegExp(`${BASE}/shared/${ITEM}$`)],
  ['member-private', new RegExp(`${BASE}/private/${ITEM}/m/${OWNER}$`)],
  ['facilitator-only', new RegExp(`${BASE}/notes$`)],
  ['handout', new RegExp(`${BASE}/handout/${ITEM}$`)],
  ['handout-notes', new RegExp(`${BASE}/handout/${ITEM}/notes$`)],
  ['handout-results', new RegExp(`${BASE}/handout/${ITEM}/results$`)],
  ['chat', new RegExp(`${BASE}/chat$`)],
  ['signals', new RegExp(`${BASE}/signals$`)],
  ['shared-answers', new RegExp(`${BASE}/answers/${ITEM}/(?<audience>facilitators|group)$`)],
  ['private-line', new RegExp(`${BASE}/line/${LINE}$`)],
  ['canvas', new RegExp(`${BASE}/canvas$`)],
  ['canvas-layer', new RegExp(`${BASE}/canvas/${CANVAS_KEY}$`)],
  ['sketch', new RegExp(`${BASE}/sketch/${CANVAS_KEY}$`)],
]

/** The kind and owners of a group document, or null for any other name. */
export function parseGroupDocName(name: string): ParsedDocName | null {
  for (const [kind, pattern] of PATTERNS) {
    const groups = pattern.exec(name)?.groups
    if (!groups) continue
    const parsed: ParsedDocName = { kind, groupId: groups.group!, sessionId: groups.session! }
    if (groups.item) parsed.itemId = groups.item
    if (groups.owner) parsed.ownerId = groups.owner
    if (groups.line) parsed.lineKey = groups.line
    if (groups.canvas) parsed.canvasKey = groups.canvas
    if (groups.audience) parsed.audience = groups.audience as 'facilitators' | 'group'
    return parsed
  }
  return null
}

const COPY_ALIAS = new RegExp(`${BASE}/copy/(?<key>${id('c')})$`)

/**
 * A member's private copy of a worksheet is opened as `g/<group>/s/<session>/copy/<key>`, by
 * its owner and by whoever they share it with: an opaque key the server resolves to the
 * member-private document, so the name carries no member id where peers can see it (C1).
 */
export function parseCopyAlias(
  name: string,
): { groupId: string; sessionId: string; copyKey: string } | null {
  const groups = COPY_ALIAS.exec(name)?.groups
  return groups
    ? { groupId: groups.group!, sessionId: groups.session!, copyKey: groups.key! }
    : null
}

/** Names of the documents of one session, so both sides build them the same way. */
export const sessionDocName = {
  room: (g: string, s: string) => `g/${g}/s/${s}/room`,
  shared: (g: string, s: string, id: string) => `g/${g}/s/${s}/shared/${id}`,
  /** The stored name of a private copy; only the server uses it (peers get `copy`). */
  private: (g: string, s: string, id: string, member: string) =>
    `g/${g}/s/${s}/private/${id}/m/${member}`,
  copy: (g: string, s: string, copyKey: string) => `g/${g}/s/${s}/copy/${copyKey}`,
  notes: (g: string, s: string) => `g/${g}/s/${s}/notes`,
  /** A deck as brought into the session (slides, without speaker notes). */
  handout: (g: string, s: string, id: string) => `g/${g}/s/${s}/handout/${id}`,
  /** Its speaker notes: the session's facilitators only. */
  handoutNotes: (g: string, s: string, id: string) => `g/${g}/s/${s}/handout/${id}/notes`,
  /** The answers to its response slides, counted: written by the server, for facilitators. */
  handoutResults: (g: string, s: string, id: string) => `g/${g}/s/${s}/handout/${id}/results`,
  chat: (g: string, s: string) => `g/${g}/s/${s}/chat`,
  signals: (g: string, s: string) => `g/${g}/s/${s}/signals`,
  /** A member's private line to the facilitators, by its opaque key. */
  line: (g: string, s: string, lineKey: string) => `g/${g}/s/${s}/line/${lineKey}`,
  answers: (g: string, s: string, worksheet: string, audience: 'facilitators' | 'group') =>
    `g/${g}/s/${s}/answers/${worksheet}/${audience}`,
  /** The group canvas: its page, settings and the list of layers (facilitators write it). */
  canvas: (g: string, s: string) => `g/${g}/s/${s}/canvas`,
  /** One person's layer of the group canvas, by its opaque key. */
  canvasLayer: (g: string, s: string, key: string) => `g/${g}/s/${s}/canvas/${key}`,
  /** A member's own canvas, by its opaque key. */
  sketch: (g: string, s: string, key: string) => `g/${g}/s/${s}/sketch/${key}`,
}

export type GroupRole = 'lead' | 'co' | 'member' | 'removed' | 'outsider'
export type SessionStatus = 'scheduled' | 'open' | 'live' | 'ended' | 'cancelled'
export type Attendance = 'none' | 'waiting' | 'admitted' | 'removed'

/** What the rules need to know about the principal and the document's session. */
export interface AccessContext {
  role: GroupRole
  sessionStatus: SessionStatus
  /** A member's standing in this session (facilitators: 'none'). */
  attendance: Attendance
  /** The principal is the member a private document belongs to. */
  isOwner: boolean
  /** A private sheet a facilitator closed: its copies are read only from then on. */
  closed?: boolean
  /** Whom the owner of a private document has shared the whole sheet with (consent). */
  sharedWith: { facilitators: boolean; group: boolean }
  /** For a document of shared answers: its audience. */
  audience?: 'facilitators' | 'group'
  /**
   * After the session, this group material is not released to members, or no longer: the
   * facilitators withheld it or its time ran out (shared/sessions/release.ts). Never set while
   * the session is open or live, and never for a member's own copy.
   */
  withheld?: boolean
  /** Past its retention: the material was (or is about to be) deleted, for everyone. */
  expired?: boolean
  /** The facilitators locked the group canvas: members' layers are read only. */
  canvasLocked?: boolean
}

const isFacilitator = (c: AccessContext) => c.role === 'lead' || c.role === 'co'
const inRoom = (c: AccessContext) =>
  c.role === 'member' &&
  c.attendance === 'admitted' &&
  (c.sessionStatus === 'open' || c.sessionStatus === 'live')
const attended = (c: AccessContext) =>
  c.role === 'member' && c.attendance === 'admitted' && c.sessionStatus !== 'cancelled'
/** A member who was there, reading group material the facilitators released (and still do). */
const revisits = (c: AccessContext) => attended(c) && !c.withheld && !c.expired

/**
 * The rule of each kind. Members get nothing before a facilitator admits them (C3), and nothing
 * after removal; nobody but its owner reads a private worksheet unless the owner shared it.
 */
export const ACCESS_RULES: Record<DocKind, (c: AccessContext) => Access> = {
  'session-room': (c) => (isFacilitator(c) || inRoom(c) ? 'read' : 'none'),
  'session-shared': (c) =>
    c.expired
      ? isFacilitator(c)
        ? 'read'
        : 'none'
      : isFacilitator(c) || inRoom(c)
        ? 'write'
        : revisits(c)
          ? 'read'
          : 'none',
  'member-private': (c) =>
    c.isOwner && attended(c) && !c.closed
      ? 'write'
      : c.isOwner && attended(c)
        ? 'read'
        : (isFacilitator(c) && c.sharedWith.facilitators) || (c.sharedWith.group && revisits(c))
          ? 'read'
          : 'none',
  'facilitator-only': (c) => (isFacilitator(c) ? 'write' : 'none'),
  // A deck brought into the session: facilitators edit it, members read it.
  handout: (c) => (isFacilitator(c) ? 'write' : revisits(c) ? 'read' : 'none'),
  // Speaker notes: a member's browser never receives them.
  'handout-notes': (c) => (isFacilitator(c) ? 'write' : 'none'),
  // Counts of the group's answers: the server writes them, facilitators read them.
  'handout-results': (c) => (isFacilitator(c) ? 'read' : 'none'),
  chat: (c) => (isFacilitator(c) || revisits(c) ? 'read' : 'none'),
  // "I need a moment": written by the server, seen by facilitators only.
  signals: (c) => (isFacilitator(c) ? 'read' : 'none'),
  // A member's private line: written by the server, read by that member and the facilitators.
  'private-line': (c) => (isFacilitator(c) || (c.isOwner && attended(c)) ? 'read' : 'none'),
  // The group canvas's page and settings: the facilitators draw the frame, the room reads it.
  canvas: (c) => (isFacilitator(c) ? 'write' : inRoom(c) || revisits(c) ? 'read' : 'none'),
  // One person's layer: its owner draws on it while in the room and the canvas is not locked;
  // facilitators may change any layer (to lock or remove a shape); everyone in the room sees it.
  'canvas-layer': (c) =>
    isFacilitator(c) || (c.isOwner && inRoom(c) && !c.canvasLocked)
      ? 'write'
      : inRoom(c) || revisits(c)
        ? 'read'
        : 'none',
  // A member's own canvas: theirs alone, kept after the session like a private copy.
  sketch: (c) => (c.isOwner && inRoom(c) ? 'write' : c.isOwner && attended(c) ? 'read' : 'none'),
  // Single answers members chose to share; the server keeps them in step with the sheet.
  'shared-answers': (c) =>
    isFacilitator(c) || (c.audience === 'group' && revisits(c)) ? 'read' : 'none',
}
