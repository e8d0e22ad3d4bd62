import type { Access } from '../../../shared/access/Access.ts'
import type { DocKind } from '../../../shared/documents/docKinds.ts'
import { BUILT_IN_TEMPLATES } from '../../../shared/worksheets/templateLibrary.ts'
import { eveningIn } from '../../test/eveningIn.ts'
import { groupBody, member, PASSWORD } from '../../test/groupWorld.ts'
import type { TestServer } from '../../test/startTestServer.ts'
import {
  ANY_FACILITATOR,
  ANY_MEMBER,
  FACILITATORS_A,
  fixtures,
  PUBLIC,
  type Person,
  type RouteCase,
} from './matrixPeople.ts'
import { MEMBER_MATERIAL_ROUTES } from './memberMaterialRoutes.ts'
import { SLIDE_ROUTES } from './slideRoutes.ts'
import { CHAT_ROUTES } from './chatRoutes.ts'
import { CANVAS_ROUTES } from './canvasRoutes.ts'
import { VIDEO_ROUTES } from './videoRoutes.ts'
import { HAND_ROUTES } from './handRoutes.ts'
import { RITUAL_ROUTES } from './ritualRoutes.ts'
import { GOAL_ROUTES } from './goalCases.ts'
import { BREATHING_ROUTES } from './breathingRoutes.ts'

export { fixtures, PEOPLE, type Person, type World } from './matrixPeople.ts'

/**
 * Who may do what (C2): the people of the test world, each API route with the exact set of
 * people it lets through, and each person's access to each kind of session document. The
 * matrix test (authorizationMatrix.test.ts) runs every case for every person.
 */

const sched = (server: TestServer) => ({
  title: 'Extra',
  startsAtLocal: eveningIn(8, server.services.now()),
  timeZone: 'Europe/Berlin',
  durationMinutes: 60,
})

/**
 * The exact set of people each route lets through (C2). Denied means 401 (not signed in) or 403
 * and no effect; allowed means any other answer. Every registered route must be listed.
 */
export const ROUTES: Record<string, RouteCase> = {
  'POST /api/auth/login': {
    allowed: PUBLIC,
    signIn: true,
    request: async () => ({
      path: '/api/auth/login',
      body: { email: 'lead@a.example', password: PASSWORD },
    }),
  },
  'POST /api/auth/member-login': {
    allowed: PUBLIC,
    signIn: true,
    request: async () => ({
      path: '/api/auth/member-login',
      body: { groupId: 'x', pseudonym: 'x', passphrase: 'x' },
    }),
  },
  'GET /api/health': {
    allowed: ANY_FACILITATOR,
    request: async () => ({ path: '/api/health' }),
  },
  'GET /api/me': {
    allowed: [...ANY_FACILITATOR, ...ANY_MEMBER],
    request: async () => ({ path: '/api/me' }),
  },
  'POST /api/setup': {
    allowed: PUBLIC,
    request: async () => ({
      path: '/api/setup',
      body: { token: 'x'.repeat(30), email: 'a@b.example', displayName: 'A', password: 'x' },
    }),
  },
  'POST /api/facilitator/totp/setup': {
    allowed: ANY_FACILITATOR,
    request: async () => ({ path: '/api/facilitator/totp/setup' }),
  },
  'POST /api/facilitator/totp/enable': {
    allowed: ANY_FACILITATOR,
    request: async () => ({ path: '/api/facilitator/totp/enable', body: { code: '000000' } }),
  },
  'POST /api/playground/token': {
    allowed: PUBLIC,
    request: async () => ({ path: '/api/playground/token', body: {} }),
  },
  'POST /api/groups': {
    allowed: ANY_FACILITATOR,
    request: async () => ({ path: '/api/groups', body: groupBody('Matrix') }),
  },
  'GET /api/groups': { allowed: ANY_FACILITATOR, request: async () => ({ path: '/api/groups' }) },
  'GET /api/groups/:groupId': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/groups/${w.groupA}` }),
  },
  'PATCH /api/groups/:groupId': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/groups/${w.groupA}`, body: { goals: 'New goals' } }),
  },
  'POST /api/groups/:groupId/agreement': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/groups/${w.groupA}/agreement`, body: { text: 'v2' } }),
  },
  'POST /api/groups/:groupId/facilitators': {
    allowed: ['lead'],
    request: async (w) => ({
      path: `/api/groups/${w.groupA}/facilitators`,
      body: { email: 'spare@a.example', role: 'co' },
    }),
  },
  'POST /api/groups/:groupId/facilitators/:facilitatorId/role': {
    allowed: ['lead'],
    request: async (w) => ({
      path: `/api/groups/${w.groupA}/facilitators/${w.people.co.id}/role`,
      body: { role: 'co' },
    }),
  },
  'DELETE /api/groups/:groupId/facilitators/:facilitatorId': {
    allowed: ['lead'],
    request: async (w) => ({
      path: `/api/groups/${w.groupA}/facilitators/fnotamemberofthisgroup1`,
    }),
  },
  'GET /api/groups/:groupId/audit': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/groups/${w.groupA}/audit` }),
  },
  'POST /api/groups/:groupId/invitations': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/groups/${w.groupA}/invitations`,
      body: { maxUses: 1, expiresInHours: 1 },
    }),
  },
  'GET /api/groups/:groupId/invitations': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/groups/${w.groupA}/invitations` }),
  },
  'POST /api/groups/:groupId/invitations/:invitationId/revoke': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/groups/${w.groupA}/invitations/inotaninvitation00000/revoke`,
    }),
  },
  'POST /api/groups/:groupId/members/:memberId/reissue': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/groups/${w.groupA}/members/${w.people.waiting.id}/reissue`,
    }),
  },
  'GET /api/invitations/:token': {
    allowed: PUBLIC,
    request: async () => ({ path: `/api/invitations/${fixtures.invitationToken}` }),
  },
  'POST /api/invitations/:token/accept': {
    allowed: PUBLIC,
    request: async () => ({
      path: `/api/invitations/unknown-token/accept`,
      body: { pseudonym: 'Zed', passphrase: 'x', agreementVersion: 1 },
    }),
  },
  'GET /api/groups/:groupId/members': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/groups/${w.groupA}/members` }),
  },
  'POST /api/groups/:groupId/members/:memberId/remove': {
    allowed: FACILITATORS_A,
    request: async (w, server) => {
      const target = await member(
        server,
        w.people.lead,
        w.groupA,
        `Temp${Math.random().toString(36).slice(2, 8)}`,
      )
      return { path: `/api/groups/${w.groupA}/members/${target.id}/remove` }
    },
  },
  'GET /api/member/home': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/home' }),
  },
  'GET /api/member/library': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/library' }),
  },
  'GET /api/member/search': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/search?q=thought' }),
  },
  'POST /api/member/agreement': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/agreement', body: { version: 1 } }),
  },
  'POST /api/member/calendar': {
    allowed: ANY_MEMBER,
    request: async () => ({ path: '/api/member/calendar' }),
  },
  'GET /api/calendar/:file': {
    allowed: PUBLIC,
    request: async () => ({ path: '/api/calendar/unknown.ics' }),
  },
  'POST /api/groups/:groupId/sessions': {
    allowed: FACILITATORS_A,
    request: async (w, server) => ({
      path: `/api/groups/${w.groupA}/sessions`,
      body: sched(server),
    }),
  },
  'GET /api/groups/:groupId/sessions': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/groups/${w.groupA}/sessions` }),
  },
  'GET /api/sessions/:sessionId': {
    allowed: [...FACILITATORS_A, 'admitted', 'waiting'],
    request: async (w) => ({ path: `/api/sessions/${w.session}` }),
  },
  'POST /api/sessions/:sessionId/status': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/status`, body: { status: 'open' } }),
  },
  'POST /api/sessions/:sessionId/lock': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/lock`, body: { locked: false } }),
  },
  'GET /api/sessions/:sessionId/waiting-room': {
    allowed: FACILITATORS_A,
    request: async (w) => ({ path: `/api/sessions/${w.session}/waiting-room` }),
  },
  'POST /api/sessions/:sessionId/admit': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/admit`,
      body: { memberId: w.people.admitted.id },
    }),
  },
  'POST /api/sessions/:sessionId/return': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/return`,
      body: { memberId: w.people.otherMember.id },
    }),
  },
  'POST /api/sessions/:sessionId/remove': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/remove`,
      body: { memberId: w.people.otherMember.id },
    }),
  },
  'POST /api/sessions/:sessionId/join': {
    allowed: ['admitted', 'waiting'],
    request: async (w) => ({ path: `/api/sessions/${w.session}/join` }),
  },
  'GET /api/sessions/:sessionId/people': {
    allowed: [...FACILITATORS_A, 'admitted'],
    request: async (w) => ({ path: `/api/sessions/${w.session}/people` }),
  },
  'GET /api/templates': {
    allowed: ANY_FACILITATOR,
    request: async () => ({ path: '/api/templates' }),
  },
  'POST /api/templates': {
    allowed: ANY_FACILITATOR,
    request: async () => ({
      path: '/api/templates',
      body: { title: 'Mine', summary: '', source: '', content: BUILT_IN_TEMPLATES[0]!.content },
    }),
  },
  'PUT /api/templates/:templateId': {
    allowed: ANY_FACILITATOR,
    request: async () => ({
      path: '/api/templates/tnotatemplate0000000',
      body: { title: 'Mine', summary: '', source: '', content: BUILT_IN_TEMPLATES[0]!.content },
    }),
  },
  'POST /api/sessions/:sessionId/worksheets': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/worksheets`,
      body: { templateId: 'thought-record', mode: 'shared' },
    }),
  },
  'GET /api/sessions/:sessionId/worksheets': {
    allowed: [...FACILITATORS_A, 'admitted'],
    request: async (w) => ({ path: `/api/sessions/${w.session}/worksheets` }),
  },
  'POST /api/worksheets/:worksheetId/share': {
    allowed: ['admitted'],
    request: async () => ({
      path: `/api/worksheets/${fixtures.privateWorksheet}/share`,
      body: { audience: 'facilitators', shared: false },
    }),
  },
  'POST /api/sessions/:sessionId/signal': {
    allowed: ['admitted'],
    request: async (w) => ({
      path: `/api/sessions/${w.session}/signal`,
      body: { kind: 'need-a-moment' },
    }),
  },
  'POST /api/sessions/:sessionId/signals/:signalId/seen': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/signals/anotasignal000000000/seen`,
    }),
  },
  'POST /api/sessions/:sessionId/present': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/present`,
      body: { worksheetId: null },
    }),
  },
  'POST /api/sessions/:sessionId/waiting-message': {
    allowed: FACILITATORS_A,
    request: async (w) => ({
      path: `/api/sessions/${w.session}/waiting-message`,
      body: { text: null },
    }),
  },
  'GET /api/member/worksheets/:worksheetId/export': {
    allowed: ['admitted'],
    request: async () => ({
      path: `/api/member/worksheets/${fixtures.privateWorksheet}/export?format=markdown`,
    }),
  },
  'POST /api/worksheets/:worksheetId/close': {
    allowed: FACILITATORS_A,
    request: async () => ({
      path: `/api/worksheets/${fixtures.privateWorksheet}/close`,
      body: { closed: false },
    }),
  },
  // The group's people list (each sees only what they may read); a made-up snapshot is "not
  // found" for all, so nobody learns whether it exists.
  'GET /api/sessions/:sessionId/snapshots': {
    allowed: [...FACILITATORS_A, 'admitted', 'waiting'],
    request: async (w) => ({ path: `/api/sessions/${w.session}/snapshots` }),
  },
  'GET /api/snapshots/:snapshotId': {
    allowed: [...ANY_FACILITATOR, ...ANY_MEMBER],
    request: async () => ({ path: '/api/snapshots/nnotasnapshot00000000' }),
  },
  ...MEMBER_MATERIAL_ROUTES,
  ...SLIDE_ROUTES,
  ...CHAT_ROUTES,
  ...CANVAS_ROUTES,
  ...VIDEO_ROUTES,
  ...HAND_ROUTES,
  ...RITUAL_ROUTES,
  ...GOAL_ROUTES,
  ...BREATHING_ROUTES,
  'PUT /api/me/preferences': {
    allowed: ANY_FACILITATOR,
    request: async () => ({ path: '/api/me/preferences', body: { signalSound: false } }),
  },
  // Last: it ends each person's login.
  'POST /api/auth/logout': { allowed: PUBLIC, request: async () => ({ path: '/api/auth/logout' }) },
}

/** Expected access of each person to each kind of document of group A's open session. */
export const DOCUMENTS: Record<DocKind, Partial<Record<Person, Access>>> = {
  'session-room': { lead: 'read', co: 'read', admitted: 'read' },
  'session-shared': { lead: 'write', co: 'write', admitted: 'write' },
  'member-private': { admitted: 'write' },
  'facilitator-only': { lead: 'write', co: 'write' },
  // A deck brought into the session: facilitators edit it, members in the room read it.
  handout: { lead: 'write', co: 'write', admitted: 'read' },
  // Its speaker notes: the session's facilitators only.
  'handout-notes': { lead: 'write', co: 'write' },
  // Counted answers: server-written, for the facilitators only.
  'handout-results': { lead: 'read', co: 'read' },
  chat: { lead: 'read', co: 'read', admitted: 'read' },
  signals: { lead: 'read', co: 'read' },
  'shared-answers': { lead: 'read', co: 'read', admitted: 'read' },
  // The admitted member's own line: they and the facilitators read it; no peer does.
  'private-line': { lead: 'read', co: 'read', admitted: 'read' },
  // The group canvas's page and settings: facilitators draw the frame, the room reads it.
  canvas: { lead: 'write', co: 'write', admitted: 'read' },
  // The admitted member's layer: theirs to draw on, the facilitators' to moderate.
  'canvas-layer': { lead: 'write', co: 'write', admitted: 'write' },
  // The admitted member's own canvas: theirs alone.
  sketch: { admitted: 'write' },
}
