import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Access } from '../../../shared/access/Access.ts'
import { lineKeyFor } from '../../signals/privateLines.ts'
import { sessionDocName, type DocKind } from '../../../shared/documents/docKinds.ts'
import type { DocName } from '../../../shared/documents/docName.ts'
import { deckDocName } from '../../../shared/slides/deckNames.ts'
import { createFacilitator } from '../../auth/facilitators.ts'
import { principalFromLogin } from '../../auth/principalFromLogin.ts'
import { groupWorld, PASSWORD } from '../../test/groupWorld.ts'
import type { HttpClient } from '../../test/httpClient.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { DOCUMENTS, fixtures, PEOPLE, ROUTES, type World } from './authorizationCases.ts'
import { canvasKeyFor } from '../../whiteboard/canvasKeys.ts'
import { goalsDocName } from '../../../shared/goals/goalsDocNames.ts'
import { memberGoalsFor } from '../../goals/memberGoals.ts'
import { GOALS_DOCUMENTS } from './goalCases.ts'

describe('[C2] authorization matrix', () => {
  let server: TestServer
  let world: World
  let sharedWorksheet = ''
  beforeAll(async () => {
    // The playground on, so that its route is in the matrix too.
    // Every person of the matrix signs in from this one address: a rate for all of them.
    server = await startTestServer({ HEARTH_PLAYGROUND: 'true', HEARTH_SIGN_IN_RATE: '600' })
    world = await groupWorld(server)
    // An account for the "add a facilitator" route, so nobody in the matrix changes role.
    await createFacilitator(
      await server.services.data(),
      { email: 'spare@a.example', displayName: 'Spare', password: PASSWORD },
      { kind: 'system', id: null },
      server.services.now(),
    )
    const invitation = await world.people.lead.post(`/api/groups/${world.groupA}/invitations`, {
      maxUses: 5,
      expiresInHours: 1,
    })
    fixtures.invitationToken = (invitation.json.url as string).split('#')[1]!
    const assigned = await world.people.lead.post(`/api/sessions/${world.session}/worksheets`, {
      templateId: 'grounding-5-4-3-2-1',
      mode: 'private',
    })
    fixtures.privateWorksheet = assigned.json.id
    sharedWorksheet = (
      await world.people.lead.post(`/api/sessions/${world.session}/worksheets`, {
        templateId: 'grounding-5-4-3-2-1',
        mode: 'shared',
      })
    ).json.id
    fixtures.deck = (await world.people.lead.post('/api/decks', { title: 'Sleep' })).json.id
    fixtures.handout = (
      await world.people.lead.post(`/api/sessions/${world.session}/handouts`, {
        deckId: fixtures.deck,
      })
    ).json.id
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
    const privateWs = fixtures.privateWorksheet
    const records = await server.services.data()
    const admittedLine = await lineKeyFor(records, session, people.admitted.id)
    const canvasKey = (kind: 'layer' | 'sketch') =>
      canvasKeyFor(records, session, people.admitted.id, kind, server.services.now())
    const admittedLayer = await canvasKey('layer')
    const admittedSketch = await canvasKey('sketch')
    const names: Record<DocKind, string> = {
      'session-room': sessionDocName.room(groupA, session),
      'session-shared': sessionDocName.shared(groupA, session, sharedWorksheet),
      'member-private': sessionDocName.private(groupA, session, privateWs, people.admitted.id),
      'facilitator-only': sessionDocName.notes(groupA, session),
      handout: sessionDocName.handout(groupA, session, fixtures.handout),
      'handout-notes': sessionDocName.handoutNotes(groupA, session, fixtures.handout),
      'handout-results': sessionDocName.handoutResults(groupA, session, fixtures.handout),
      chat: sessionDocName.chat(groupA, session),
      signals: sessionDocName.signals(groupA, session),
      'shared-answers': sessionDocName.answers(groupA, session, privateWs, 'group'),
      'private-line': sessionDocName.line(groupA, session, admittedLine),
      canvas: sessionDocName.canvas(groupA, session),
      'canvas-layer': sessionDocName.canvasLayer(groupA, session, admittedLayer),
      sketch: sessionDocName.sketch(groupA, session, admittedSketch),
    }
    const decided: Record<string, Record<string, Access>> = {}
    for (const person of PEOPLE.filter((p) => p !== 'visitor')) {
      const cookie = world.people[person].cookie
      const principal = cookie
        ? await principalFromLogin(server.services, cookie.split('=')[1]!)
        : null
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

    // A library deck and its notes: its editors only (the lead made it; nobody else).
    for (const name of [deckDocName.deck(fixtures.deck), deckDocName.notes(fixtures.deck)]) {
      for (const person of PEOPLE.filter((p) => p !== 'visitor')) {
        const cookie = world.people[person].cookie
        const principal = cookie
          ? await principalFromLogin(server.services, cookie.split('=')[1]!)
          : null
        const access = principal
          ? await server.services.authorize(principal, name as DocName)
          : 'none'
        expect(access, `${person} on ${name}`).toBe(person === 'lead' ? 'write' : 'none')
      }
    }

    // Nothing of group B for group A, in either direction.
    const admitted = (await principalFromLogin(
      server.services,
      people.admitted.cookie!.split('=')[1]!,
    ))!
    for (const name of [
      sessionDocName.room(groupB, sessionB),
      sessionDocName.shared(groupB, sessionB, 'x'),
      sessionDocName.chat(groupB, sessionB),
    ]) {
      expect(await server.services.authorize(admitted, name as DocName)).toBe('none')
    }
    // Only items that exist can be opened: made-up worksheets (or a shared one named as a
    // private one, and the other way round) are refused to everyone, facilitators included.
    const lead = (await principalFromLogin(server.services, people.lead.cookie!.split('=')[1]!))!
    for (const name of [
      sessionDocName.shared(groupA, session, 'made-up'),
      sessionDocName.shared(groupA, session, privateWs),
      sessionDocName.private(groupA, session, 'made-up', people.admitted.id),
      sessionDocName.private(groupA, session, sharedWorksheet, people.admitted.id),
      sessionDocName.answers(groupA, session, 'made-up', 'group'),
      sessionDocName.handout(groupA, session, 'made-up'),
      // A line key nobody holds, and a real one under another session's name.
      sessionDocName.line(groupA, session, 'laaaaaaaaaaaaaaaaaaaa'),
      sessionDocName.line(groupB, sessionB, admittedLine),
    ]) {
      for (const who of [lead, admitted]) {
        expect(await server.services.authorize(who, name as DocName), name).toBe('none')
      }
    }
    // A name that mixes one group with another group's session is refused.
    expect(
      await server.services.authorize(admitted, sessionDocName.room(groupA, sessionB) as DocName),
    ).toBe('none')
  })

  it('decides the goals documents for every person exactly', async () => {
    const { groupA, groupB, people } = world
    const key = async (g: string, m: string) =>
      (await memberGoalsFor(await server.services.data(), g, m, server.services.now())).goals_key
    const names = {
      'group-goals': goalsDocName.group(groupA),
      'member-goals': goalsDocName.member(groupA, await key(groupA, people.admitted.id)),
    }
    const principalOf = async (person: (typeof PEOPLE)[number]) => {
      const cookie = world.people[person].cookie
      return cookie ? await principalFromLogin(server.services, cookie.split('=')[1]!) : null
    }
    for (const [kind, name] of Object.entries(names)) {
      const decided: Record<string, Access> = {}
      for (const person of PEOPLE.filter((p) => p !== 'visitor')) {
        const principal = await principalOf(person)
        decided[person] = principal
          ? await server.services.authorize(principal, name as DocName)
          : 'none'
      }
      const rights = GOALS_DOCUMENTS[kind as keyof typeof GOALS_DOCUMENTS]
      expect(decided, kind).toEqual(
        Object.fromEntries(
          PEOPLE.filter((p) => p !== 'visitor').map((p) => [p, rights[p] ?? 'none']),
        ),
      )
    }
    // Nothing of group B's goals for group A's member, nor a key under another group's name.
    const admitted = (await principalOf('admitted'))!
    for (const name of [
      goalsDocName.group(groupB),
      goalsDocName.member(groupB, await key(groupB, people.otherMember.id)),
      goalsDocName.member(groupB, await key(groupA, people.admitted.id)),
    ]) {
      expect(await server.services.authorize(admitted, name as DocName), name).toBe('none')
    }
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
