import { FACILITATORS_A, PUBLIC, type RouteCase } from './matrixPeople.ts'
import { IN_THE_ROOM } from './chatRoutes.ts'

/**
 * Routes of the call (issue 17). The matrix's server has no LiveKit: an allowed call answers
 * with its "not set up" (409) or "not encrypted" (404), and changes nothing.
 */
export const VIDEO_ROUTES: Record<string, RouteCase> = {
  'GET /api/sessions/:sessionId/video': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({ path: `/api/sessions/${w.session}/video` }),
  },
  'POST /api/sessions/:sessionId/video/token': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({ path: `/api/sessions/${w.session}/video/token` }),
  },
  'GET /api/sessions/:sessionId/video/key': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({ path: `/api/sessions/${w.session}/video/key` }),
  },
  'POST /api/sessions/:sessionId/video/participants/:identity/mute': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/video/participants/vnobody0000000000000/mute`,
    }),
  },
  'POST /api/sessions/:sessionId/video/participants/:identity/remove': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/video/participants/vnobody0000000000000/remove`,
    }),
  },
  // LiveKit's, signed with the API secret, not a person's: without LiveKit, 404 for anyone.
  'POST /api/video/webhook': {
    allowed: PUBLIC,
    request: async () => ({ path: '/api/video/webhook' }),
  },
}
