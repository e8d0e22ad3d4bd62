import { FACILITATORS_A, type RouteCase } from './matrixPeople.ts'
import { IN_THE_ROOM } from './chatRoutes.ts'

/** Routes of the group canvas (issue 16). */
export const CANVAS_ROUTES: Record<string, RouteCase> = {
  // The canvas's documents for whoever may read it (a layer made for those in the room).
  'POST /api/sessions/:sessionId/canvas': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({ path: `/api/sessions/${w.session}/canvas` }),
  },
  // Not a boolean: 400 for facilitators, nothing locked.
  'PUT /api/sessions/:sessionId/canvas/lock': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/canvas/lock`, body: {} }),
  },
  // Not a list of works: 400 for facilitators, nothing changed.
  'PUT /api/sessions/:sessionId/canvas/gallery': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/canvas/gallery`, body: {} }),
  },
  // Not a prompt: 400 for facilitators, nothing shown.
  'PUT /api/sessions/:sessionId/canvas/prompt': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/canvas/prompt`, body: {} }),
  },
  // A picture for one's own layer: the room's people who may draw there; not an image: 415.
  'POST /api/sessions/:sessionId/canvas/images': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({ path: `/api/sessions/${w.session}/canvas/images?to=group`, body: {} }),
  },
}
