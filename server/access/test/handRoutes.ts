import { FACILITATORS_A, type RouteCase } from './matrixPeople.ts'

/** Raised hands (issue 18): bodies incomplete or keys made up, so an allowed call changes nothing. */
export const HAND_ROUTES: Record<string, RouteCase> = {
  // Only the admitted member raises a hand (facilitators are refused: they lead).
  'POST /api/sessions/:sessionId/hand': {
    allowed: ['admitted'],
    request: async (w) => ({ path: `/api/sessions/${w.session}/hand`, body: {} }),
  },
  'DELETE /api/sessions/:sessionId/hands/:lineKey': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/hands/lnotaline00000000000` }),
  },
}
