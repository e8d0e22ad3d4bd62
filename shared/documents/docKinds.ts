import type { Access } from '../access/Access.ts'

/**
 * Every kind of document in a group, its name pattern, and its one access rule. The server
 * decides with these rules; the client uses them only to shape the interface.
 *
 * Names carry opaque ids only (C1): `g/<group>/s/<session>/…`.
 */
export type DocKind =
  'session-room' | 'session-shared' | 'member-private' | 'facilitator-only' | 'handout' | 'chat'

export const DOC_KINDS: readonly DocKind[] = [
  'session-room',
  'session-shared',
  'member-private',
  'facilitator-only',
  'handout',
  'chat',
]

export interface ParsedDocName {
  kind: DocKind
  groupId: string
  sessionId: string
  /** The member a private document belongs to. */
  ownerId?: string
}

const id = (prefix: string) => `(${prefix}[a-z2-7]{20})`
const G = id('g')
const S = id('s')
const M = id('m')
const PART = '[a-z0-9][a-z0-9_-]{0,63}'
const PATTERNS: [DocKind, RegExp][] = [
  ['session-room', new RegExp(`^g/${G}/s/${S}/room$`)],
  ['session-shared', new RegExp(`^g/${G}/s/${S}/shared/${PART}$`)],
  ['member-private', new RegExp(`^g/${G}/s/${S}/private/${PART}/m/${M}$`)],
  ['facilitator-only', new RegExp(`^g/${G}/s/${S}/notes$`)],
  ['handout', new RegExp(`^g/${G}/s/${S}/handout/${PART}$`)],
  ['chat', new RegExp(`^g/${G}/s/${S}/chat$`)],
]

/** The kind and owners of a group document, or null for any other name. */
export function parseGroupDocName(name: string): ParsedDocName | null {
  for (const [kind, pattern] of PATTERNS) {
    const m = pattern.exec(name)
    if (!m) continue
    const [, groupId, sessionId, ownerId] = m
    return ownerId
      ? { kind, groupId: groupId!, sessionId: sessionId!, ownerId }
      : { kind, groupId: groupId!, sessionId: sessionId! }
  }
  return null
}

/** Names of the documents of one session, so both sides build them the same way. */
export const sessionDocName = {
  room: (g: string, s: string) => `g/${g}/s/${s}/room`,
  shared: (g: string, s: string, id: string) => `g/${g}/s/${s}/shared/${id}`,
  private: (g: string, s: string, id: string, member: string) =>
    `g/${g}/s/${s}/private/${id}/m/${member}`,
  notes: (g: string, s: string) => `g/${g}/s/${s}/notes`,
  handout: (g: string, s: string, id: string) => `g/${g}/s/${s}/handout/${id}`,
  chat: (g: string, s: string) => `g/${g}/s/${s}/chat`,
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
}

const isFacilitator = (c: AccessContext) => c.role === 'lead' || c.role === 'co'
const inRoom = (c: AccessContext) =>
  c.role === 'member' &&
  c.attendance === 'admitted' &&
  (c.sessionStatus === 'open' || c.sessionStatus === 'live')
const attended = (c: AccessContext) =>
  c.role === 'member' && c.attendance === 'admitted' && c.sessionStatus !== 'cancelled'

/**
 * The rule of each kind. Members get nothing before a facilitator admits them (C3), and nothing
 * after removal; facilitators never read a member's private document (sharing is a separate,
 * member-written document).
 */
export const ACCESS_RULES: Record<DocKind, (c: AccessContext) => Access> = {
  'session-room': (c) => (isFacilitator(c) || inRoom(c) ? 'read' : 'none'),
  'session-shared': (c) =>
    isFacilitator(c) || inRoom(c) ? 'write' : attended(c) ? 'read' : 'none',
  'member-private': (c) => (c.isOwner && attended(c) ? 'write' : 'none'),
  'facilitator-only': (c) => (isFacilitator(c) ? 'write' : 'none'),
  handout: (c) => (isFacilitator(c) ? 'write' : attended(c) ? 'read' : 'none'),
  chat: (c) => (isFacilitator(c) || attended(c) ? 'read' : 'none'),
}
