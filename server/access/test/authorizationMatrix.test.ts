import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Access } from '../../../shared/access/Access.ts'
import { sessionDocName, type DocKind } from '../../../shared/documents/docKinds.ts'
import type { DocName } from '../../../shared/documents/docName.ts'
import { BUILT_IN_TEMPLATES } from '../../../shared/worksheets/templateLibrary.ts'
import { createFacilitator } from '../../auth/facilitators.ts'
import { principalFromLogin } from '../../auth/principalFromLogin.ts'
import { groupBody, groupWorld, member, PASSWORD } from '../../test/groupWorld.ts'
import type { HttpClient } from '../../test/httpClient.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

type World = Awaited<ReturnType<typeof groupWorld>>
type Person = keyof World['people']
const PEOPLE: Person[] = [
  'lead',
  'co',
  'otherFacilitator',
  'admitted',
  'waiting',
  'removed',
  'otherMember',
  'visitor',
]
const FACILITATORS_A: Person[] = ['lead', 'co']
const ANY_FACILITATOR: Person[] = ['lead', 'co', 'otherFacilitator']
const ANY_MEMBER: Person[] = ['admitted', 'waiting', 'otherMember']
const PUBLIC: Person[] = PEOPLE

interface RouteCase {
  allowed: Person[]
  /** A sign-in route: 401 there means "wrong credentials", not "not allowed". */
  signIn?: true
  /** Builds the concrete request; runs before each person's call. */
  request: (w: World, server: TestServer) => Promise<{ path: string; body?: unknown }>
}

const sched = {
  title: 'Extra',
  startsAtLocal: '2026-12-08T18:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 60,
}
let invitationToken = ''
let privateWorksheet = ''

/**
 * The exact set of people each route lets through (C2). Denied means 401 (not signed in) or 403
 * and no effect; allowed means any other answer. Every registered route must be listed.
 */
const ROUTES: Record<string, RouteCase> = {
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
    request: async () => ({ path: `/api/invitations/${invitationToken}` }),
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
    request: async (w) => ({ path: `/api/groups/${w.groupA}/sessions`, body: sched }),
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
      path: `/api/worksheets/${privateWorksheet}/share`,
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
  // Last: it ends each person's login.
  'POST /api/auth/logout': { allowed: PUBLIC, request: async () => ({ path: '/api/auth/logout' }) },
}

/** Expected access of each person to each kind of document of group A's open session. */
const DOCUMENTS: Record<DocKind, Partial<Record<Person, Access>>> = {
  'session-room': { lead: 'read', co: 'read', admitted: 'read' },
  'session-shared': { lead: 'write', co: 'write', admitted: 'write' },
  'member-private': { admitted: 'write' },
  'facilitator-only': { lead: 'write', co: 'write' },
  handout: { lead: 'write', co: 'write', admitted: 'read' },
  chat: { lead: 'read', co: 'read', admitted: 'read' },
  signals: { lead: 'read', co: 'read' },
  'shared-answers': { lead: 'read', co: 'read', admitted: 'read' },
}

describe('[C2] authorization matrix', () => {
  let server: TestServer
  let world: World
  beforeAll(async () => {
    server = await startTestServer()
    world = await groupWorld(server)
    // An account for the "add a facilitator" route, so nobody in the matrix changes role.
    await createFacilitator(
      server.db,
      { email: 'spare@a.example', displayName: 'Spare', password: PASSWORD },
      { kind: 'system', id: null },
      Date.now(),
    )
    const invitation = await world.people.lead.post(`/api/groups/${world.groupA}/invitations`, {
      maxUses: 5,
      expiresInHours: 1,
    })
    invitationToken = (invitation.json.url as string).split('#')[1]!
    const assigned = await world.people.lead.post(`/api/sessions/${world.session}/worksheets`, {
      templateId: 'grounding-5-4-3-2-1',
      mode: 'private',
    })
    privateWorksheet = assigned.json.id
  }, 60_000)
  afterAll(async () => {
    await server.close()
  })

  it('lists every registered route', () => {
    const registered = server.routes.map((r) => `${r.method} ${r.path}`).sort()
    expect(registered).toEqual(Object.keys(ROUTES).sort())
  })

  it('decides every document kind for every person exactly', async () => {
    const { groupA, groupB, session, sessionB, people } = world
    const names: Record<DocKind, string> = {
      'session-room': sessionDocName.room(groupA, session),
      'session-shared': sessionDocName.shared(groupA, session, 'ws1'),
      'member-private': sessionDocName.private(groupA, session, 'ws1', people.admitted.id),
      'facilitator-only': sessionDocName.notes(groupA, session),
      handout: sessionDocName.handout(groupA, session, 'h1'),
      chat: sessionDocName.chat(groupA, session),
      signals: sessionDocName.signals(groupA, session),
      'shared-answers': sessionDocName.answers(groupA, session, 'w1', 'group'),
    }
    const decided: Record<string, Record<string, Access>> = {}
    for (const person of PEOPLE.filter((p) => p !== 'visitor')) {
      const cookie = world.people[person].cookie
      const principal = cookie ? principalFromLogin(server.services, cookie.split('=')[1]!) : null
      for (const [kind, name] of Object.entries(names)) {
        decided[kind] ??= {}
        decided[kind]![person] = principal
          ? await server.services.authorize(principal, name as DocName)
          : 'none'
      }
    }
    const expected = Object.fromEntries(
      Object.entries(DOCUMENTS).map(([kind, rights]) => [
        kind,
        Object.fromEntries(
          PEOPLE.filter((p) => p !== 'visitor').map((p) => [p, rights[p] ?? 'none']),
        ),
      ]),
    )
    expect(decided).toEqual(expected)

    // Nothing of group B for group A, in either direction.
    const admitted = principalFromLogin(server.services, people.admitted.cookie!.split('=')[1]!)!
    for (const name of [
      sessionDocName.room(groupB, sessionB),
      sessionDocName.shared(groupB, sessionB, 'x'),
      sessionDocName.chat(groupB, sessionB),
    ]) {
      expect(await server.services.authorize(admitted, name as DocName)).toBe('none')
    }
    // A name that mixes one group with another group's session is refused.
    expect(
      await server.services.authorize(admitted, sessionDocName.room(groupA, sessionB) as DocName),
    ).toBe('none')
  })

  for (const [route, { allowed, request, signIn }] of Object.entries(ROUTES)) {
    it(`${route}: exactly ${allowed.length === PEOPLE.length ? 'everyone' : allowed.join(', ')}`, async () => {
      const method = route.split(' ')[0]!
      const outcome: Record<string, boolean> = {}
      // Denied people first, so a target that an allowed call would change is still there.
      const order = [...PEOPLE.filter((p) => !allowed.includes(p)), ...allowed]
      for (const person of order) {
        const client: HttpClient = world.people[person]
        const { path, body } = await request(world, server)
        const saved = client.cookie
        const res = await client.request(method, path, body ?? (method === 'GET' ? undefined : {}))
        if (signIn) client.cookie = saved
        outcome[person] = res.status !== 403 && (signIn || res.status !== 401)
        if (!outcome[person] && person === 'visitor')
          expect(res.status, `${route} visitor`).toBe(401)
      }
      const expected = Object.fromEntries(PEOPLE.map((p) => [p, allowed.includes(p)]))
      expect(outcome).toEqual(expected)
    })
  }
})
