import { ANY_MEMBER, FACILITATORS_A, type RouteCase } from './matrixPeople.ts'

/**
 * Check-ins and measures (issue 18): bodies incomplete or ids made up, so an allowed call
 * changes nothing.
 */
export const RITUAL_ROUTES: Record<string, RouteCase> = {
  'POST /api/sessions/:sessionId/checkins': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/checkins`, body: {} }),
  },
  'POST /api/sessions/:sessionId/checkins/:checkinId/close': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/checkins/jnotacheckin0000000/close`,
    }),
  },
  // Only an admitted member checks in (facilitators lead it).
  'PUT /api/sessions/:sessionId/checkins/:checkinId/answer': {
    allowed: ['admitted'],
    request: async (w) => ({
      path: `/api/sessions/${w.session}/checkins/jnotacheckin0000000/answer`,
      body: { mood: 5 },
    }),
  },
  'GET /api/member/checkins': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/checkins' }),
  },
  'POST /api/sessions/:sessionId/measures': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/measures`, body: {} }),
  },
  'POST /api/sessions/:sessionId/measures/:requestId/answers': {
    allowed: ['admitted'],
    request: async (w) => ({
      path: `/api/sessions/${w.session}/measures/qnotameasure000000/answers`,
      body: {},
    }),
  },
  'GET /api/member/measures': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/measures' }),
  },
}
