import type { Access } from '../../../shared/access/Access.ts'
import type { GoalsDocKind } from '../../../shared/goals/goalsDocNames.ts'
import { ANY_MEMBER, FACILITATORS_A, type Person, type RouteCase } from './matrixPeople.ts'

/** Goals (issue 18): bodies incomplete, so an allowed call changes nothing. */
export const GOAL_ROUTES: Record<string, RouteCase> = {
  // Group A's facilitators and its members (waiting or admitted: goals are not a session's).
  'GET /api/groups/:groupId/goals': {
    allowed: [...FACILITATORS_A, 'admitted', 'waiting'],
    request: async (w) => ({ path: `/api/groups/${w.groupA}/goals` }),
  },
  // Every member, about their own goals only (the group comes from the login).
  'POST /api/member/goals/share': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/goals/share', body: {} }),
  },
}

/**
 * Expected access to group A's goals and to the admitted member's own (not shared): the
 * group's are the facilitators' to record and every active member's to read; a member's own
 * are theirs alone.
 */
export const GOALS_DOCUMENTS: Record<GoalsDocKind, Partial<Record<Person, Access>>> = {
  'group-goals': { lead: 'write', co: 'write', admitted: 'read', waiting: 'read' },
  'member-goals': { admitted: 'write' },
}
