import type { Access } from '../access/Access.ts'
import type { GroupRole } from '../documents/docKinds.ts'

/**
 * A group's goals live beside its sessions, not inside one: they carry over from session to
 * session (issue 18). Two kinds, each with one rule, like the kinds of `docKinds.ts`:
 *
 * - `group-goals`, `g/<group>/goals`: what the group agreed together; its facilitators record
 *   it, its members read it.
 * - `member-goals`, `g/<group>/goals/<key>`: one member's own goals, under an opaque key the
 *   server resolves (`member_goals`), so the name carries no member id (C1). Theirs to write;
 *   the facilitators read it only once the member shares it with them.
 */
export type GoalsDocKind = 'group-goals' | 'member-goals'

export const GOALS_DOC_KINDS: readonly GoalsDocKind[] = ['group-goals', 'member-goals']

/**
 * A list of short goals weighs a few KiB; edits over months add history. Far above real use,
 * far below what fills a disk or a phone. A write past it is refused with `documentFull`.
 */
export const GOALS_BYTE_CAPS: Record<GoalsDocKind, number> = {
  'group-goals': 256 * 1024,
  'member-goals': 256 * 1024,
}

const GOALS = /^g\/(?<group>g[a-z2-7]{20})\/goals(?:\/(?<key>o[a-z2-7]{20}))?$/

export interface ParsedGoalsDocName {
  kind: GoalsDocKind
  groupId: string
  /** The opaque key of a member's own goals (the server knows whose they are). */
  goalsKey?: string
}

/** The kind and group of a goals document, or null for any other name. */
export function parseGoalsDocName(name: string): ParsedGoalsDocName | null {
  const groups = GOALS.exec(name)?.groups
  if (!groups) return null
  return groups.key
    ? { kind: 'member-goals', groupId: groups.group!, goalsKey: groups.key }
    : { kind: 'group-goals', groupId: groups.group! }
}

export const goalsDocName = {
  group: (groupId: string) => `g/${groupId}/goals`,
  member: (groupId: string, goalsKey: string) => `g/${groupId}/goals/${goalsKey}`,
}

/** What the rules need: the principal's role in the group, and for a member's goals, consent. */
export interface GoalsAccessContext {
  role: GroupRole
  /** The principal is the member these goals belong to. */
  isOwner: boolean
  /** The owner shared their goals with the facilitators (consent, taken back at any time). */
  sharedWithFacilitators: boolean
}

const isFacilitator = (c: GoalsAccessContext) => c.role === 'lead' || c.role === 'co'

/**
 * The rule of each kind. Group goals: the group agrees them in a session and a facilitator
 * records them, so members read (a member cannot rewrite what the group agreed). A member's
 * own goals: private by default, like a private copy of a worksheet; a removed member, an
 * outsider and other members get nothing.
 */
export const GOALS_ACCESS_RULES: Record<GoalsDocKind, (c: GoalsAccessContext) => Access> = {
  'group-goals': (c) => (isFacilitator(c) ? 'write' : c.role === 'member' ? 'read' : 'none'),
  'member-goals': (c) =>
    c.role === 'member' && c.isOwner
      ? 'write'
      : isFacilitator(c) && c.sharedWithFacilitators
        ? 'read'
        : 'none',
}
