import { FACILITATORS_A, type Person, type RouteCase } from './matrixPeople.ts'

/** Who may speak in session A's chat: its facilitators, and the member admitted to it. */
export const IN_THE_ROOM: Person[] = [...FACILITATORS_A, 'admitted']

/**
 * Routes of the chat and the private line (issue 15). Bodies are incomplete or ids made up, so
 * that an allowed call answers 400 or 404 and changes nothing.
 */
export const CHAT_ROUTES: Record<string, RouteCase> = {
  'POST /api/sessions/:sessionId/chat': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({ path: `/api/sessions/${w.session}/chat`, body: {} }),
  },
  'POST /api/sessions/:sessionId/chat/:messageId/reactions': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/chat/knotamessage00000000/reactions`,
      body: {},
    }),
  },
  'POST /api/sessions/:sessionId/chat/typing': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({ path: `/api/sessions/${w.session}/chat/typing`, body: {} }),
  },
  // Older pages: whoever may read the chat document.
  'GET /api/sessions/:sessionId/chat/older': {
    allowed: IN_THE_ROOM,
    request: async (w) => ({ path: `/api/sessions/${w.session}/chat/older?before=1` }),
  },
  'DELETE /api/sessions/:sessionId/chat/:messageId': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/chat/knotamessage00000000` }),
  },
  'PUT /api/sessions/:sessionId/chat/settings': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/chat/settings`,
      body: { slowSeconds: 7 },
    }),
  },
  'POST /api/sessions/:sessionId/chat/mutes': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/chat/mutes`, body: {} }),
  },
  'DELETE /api/sessions/:sessionId/chat/mutes/:muteId': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/chat/mutes/unotamute00000000000` }),
  },
  'POST /api/sessions/:sessionId/alerts/:alertId/resources': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/alerts/anotanalert000000000/resources`,
    }),
  },
  // The private line: the member writes on their own; facilitators answer on any.
  'POST /api/sessions/:sessionId/line': {
    allowed: ['admitted'],
    request: async (w) => ({ path: `/api/sessions/${w.session}/line`, body: {} }),
  },
  'POST /api/sessions/:sessionId/lines/:lineKey': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/lines/lnotaline00000000000`,
      body: {},
    }),
  },
}
