import { FACILITATORS_A, PUBLIC, type RouteCase } from './matrixPeople.ts'

/** Breathing together (issue 18): the start's body is incomplete, so an allowed call starts nothing. */
export const BREATHING_ROUTES: Record<string, RouteCase> = {
  'POST /api/sessions/:sessionId/breathing': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/breathing`, body: {} }),
  },
  'DELETE /api/sessions/:sessionId/breathing': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/breathing` }),
  },
  // The server's clock, as every HTTP answer's Date header already gives it.
  'GET /api/time': {
    allowed: PUBLIC,
    request: async () => ({ path: '/api/time' }),
  },
}
