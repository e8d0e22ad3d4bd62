import { ANY_MEMBER, FACILITATORS_A, type RouteCase } from './matrixPeople.ts'

/** Routes of the material members come back to (issue 13): release, erasure, reminders, export. */
export const MEMBER_MATERIAL_ROUTES: Record<string, RouteCase> = {
  'GET /api/sessions/:sessionId/release': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/release` }),
  },
  'PUT /api/sessions/:sessionId/release': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/release`,
      body: { withheld: [], days: null },
    }),
  },
  // A made-up sheet: "not found" for every member (their own copies only), refused to others.
  'DELETE /api/member/worksheets/:worksheetId': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/worksheets/wnotasheet0000000000' }),
  },
  // Without the confirmation: 400 for those allowed, and nothing is erased.
  'POST /api/member/erase': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/erase', body: {} }),
  },
  'POST /api/groups/:groupId/members/:memberId/erase': {
    allowed: ['lead'],
    request: async (w) => ({
      path: `/api/groups/${w.groupA}/members/${w.people.admitted.id}/erase`,
      body: {},
    }),
  },
  // Without the confirmation: 400 for the lead, and nothing is erased.
  'POST /api/groups/:groupId/erase': {
    allowed: ['lead'],
    request: async (w) => ({ path: `/api/groups/${w.groupA}/erase`, body: {} }),
  },
  'GET /api/member/reminders': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/reminders' }),
  },
  // Not a subscription: 400 for members, and nothing stored.
  'POST /api/member/reminders': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/reminders', body: {} }),
  },
  'POST /api/member/reminders/off': {
    allowed: ANY_MEMBER,
    request: async () => ({
      path: '/api/member/reminders/off',
      body: { endpoint: 'https://fcm.googleapis.com/fcm/send/none' },
    }),
  },
  'GET /api/member/export': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/export' }),
  },
  'GET /api/sessions/:sessionId/export': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/export` }),
  },
}
