import {
  ANY_FACILITATOR,
  ANY_MEMBER,
  FACILITATORS_A,
  fixtures,
  type RouteCase,
} from './matrixPeople.ts'

/** Routes of slides (issue 14): decks, their session copies, answers and images. */
export const SLIDE_ROUTES: Record<string, RouteCase> = {
  'GET /api/decks': {
    allowed: ANY_FACILITATOR,
    request: async () => ({ path: '/api/decks' }),
  },
  // Without a title: 400 for facilitators, and no deck made.
  'POST /api/decks': {
    allowed: ANY_FACILITATOR,
    request: async () => ({ path: '/api/decks', body: {} }),
  },
  // The lead's deck: its editors only.
  'POST /api/decks/:deckId/editors': {
    allowed: ['lead'],
    request: async () => ({ path: `/api/decks/${fixtures.deck}/editors`, body: {} }),
  },
  'GET /api/sessions/:sessionId/handouts': {
    allowed: [...FACILITATORS_A, 'admitted'],
    request: async (w) => ({ path: `/api/sessions/${w.session}/handouts` }),
  },
  'POST /api/sessions/:sessionId/handouts': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/handouts`, body: {} }),
  },
  // Not an answer: 400 for members admitted (checked before anything is stored).
  'POST /api/sessions/:sessionId/handouts/:handoutId/responses': {
    allowed: ANY_MEMBER,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/handouts/${fixtures.handout}/responses`,
      body: {},
    }),
  },
  'POST /api/sessions/:sessionId/handouts/:handoutId/results': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/handouts/${fixtures.handout}/results`,
      body: {},
    }),
  },
  // An empty upload: 400 for the deck's editors, refused to everyone else.
  'POST /api/decks/:deckId/images': {
    allowed: ['lead'],
    request: async () => ({ path: `/api/decks/${fixtures.deck}/images` }),
  },
  // A made-up image: "not found" for every signed-in person.
  'GET /api/images/:hash': {
    allowed: [...ANY_FACILITATOR, ...ANY_MEMBER],
    request: async () => ({ path: `/api/images/${'0'.repeat(64)}` }),
  },
}
