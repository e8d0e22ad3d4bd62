import { expect } from 'vitest'
import { createFacilitator } from '../auth/facilitators.ts'
import { eveningIn } from './eveningIn.ts'
import { HttpClient } from './httpClient.ts'
import type { TestServer } from './startTestServer.ts'

export const PASSWORD = 'lantern-orchard-velvet-9'
export const PASSPHRASE = 'quiet-harbour-morning-tea'
export const AGREEMENT = 'What is said in the group stays in the group.'

export const groupBody = (name: string) => ({
  name,
  theme: 'Anxiety',
  kind: 'thematic',
  description: 'A weekly group for living with anxiety.',
  goals: 'Learn and practise coping skills together.',
  capacity: 30,
  anonymousChat: true,
  facilitatorsSeeAuthors: false,
  autoAdmit: false,
  agreement: AGREEMENT,
})

/** Creates a facilitator account directly and signs them in through the API. */
export async function facilitator(server: TestServer, email: string, name = email.split('@')[0]!) {
  const created = await createFacilitator(
    await server.services.data(),
    { email, displayName: name, password: PASSWORD },
    { kind: 'system', id: null },
    server.services.now(),
  )
  if (!created.ok) throw new Error(created.message)
  const client = new HttpClient(server.url)
  const login = await client.post('/api/auth/login', { email, password: PASSWORD })
  expect(login.status).toBe(200)
  return Object.assign(client, { id: created.id, name })
}

/** Schedules one session of `groupId` tomorrow evening (UTC, server clock); returns its id. */
export async function scheduleSession(
  server: TestServer,
  lead: HttpClient,
  groupId: string,
  title = 'Week 1',
  daysAhead = 1,
): Promise<string> {
  const scheduled = await lead.post(`/api/groups/${groupId}/sessions`, {
    title,
    startsAtLocal: eveningIn(daysAhead, server.services.now()),
    timeZone: 'UTC',
    durationMinutes: 60,
  })
  expect(scheduled.status).toBe(201)
  return scheduled.json.ids[0] as string
}

/** A member joins `groupId` through a fresh invitation from `lead`. */
export async function member(
  server: TestServer,
  lead: HttpClient,
  groupId: string,
  pseudonym: string,
) {
  const invitation = await lead.post(`/api/groups/${groupId}/invitations`, {
    maxUses: 1,
    expiresInHours: 24,
  })
  expect(invitation.status).toBe(201)
  const token = (invitation.json.url as string).split('#')[1]!
  const client = new HttpClient(server.url)
  const info = await client.get(`/api/invitations/${token}`)
  const accepted = await client.post(`/api/invitations/${token}/accept`, {
    pseudonym,
    passphrase: PASSPHRASE,
    agreementVersion: info.json.agreement.version,
  })
  expect(accepted.status).toBe(201)
  const records = await server.services.data()
  const { id } = await records
    .selectFrom('members')
    .select('id')
    .where('group_id', '=', groupId)
    .where('pseudonym', '=', pseudonym)
    .executeTakeFirstOrThrow()
  return Object.assign(client, { id, pseudonym })
}

/**
 * Two groups and everyone a rule can tell apart: group A's lead and co-facilitator, a member
 * admitted to A's open session, a member waiting in it, a member removed from A, group B's
 * facilitator and member, and a visitor who is not signed in.
 */
export async function groupWorld(server: TestServer) {
  const lead = await facilitator(server, 'lead@a.example', 'Dr Lead')
  const co = await facilitator(server, 'co@a.example', 'Co Facilitator')
  const otherFacilitator = await facilitator(server, 'lead@b.example', 'Dr Other')
  const groupA = (await lead.post('/api/groups', groupBody('Group A'))).json.id as string
  const groupB = (await otherFacilitator.post('/api/groups', groupBody('Group B'))).json
    .id as string
  expect(
    (await lead.post(`/api/groups/${groupA}/facilitators`, { email: 'co@a.example', role: 'co' }))
      .status,
  ).toBe(202)
  const admitted = await member(server, lead, groupA, 'Robin')
  const waiting = await member(server, lead, groupA, 'Sky')
  const removed = await member(server, lead, groupA, 'Ash')
  const otherMember = await member(server, otherFacilitator, groupB, 'River')
  const schedule = {
    title: 'Week 1',
    startsAtLocal: eveningIn(1, server.services.now()),
    timeZone: 'Europe/Berlin',
    durationMinutes: 90,
  }
  const session = (await lead.post(`/api/groups/${groupA}/sessions`, schedule)).json
    .ids[0] as string
  const sessionB = (await otherFacilitator.post(`/api/groups/${groupB}/sessions`, schedule)).json
    .ids[0] as string
  expect((await lead.post(`/api/sessions/${session}/status`, { status: 'open' })).status).toBe(200)
  expect(
    (await otherFacilitator.post(`/api/sessions/${sessionB}/status`, { status: 'open' })).status,
  ).toBe(200)
  for (const m of [admitted, waiting, removed])
    expect((await m.post(`/api/sessions/${session}/join`)).status).toBe(200)
  expect((await otherMember.post(`/api/sessions/${sessionB}/join`)).status).toBe(200)
  expect(
    (await lead.post(`/api/sessions/${session}/admit`, { memberId: admitted.id })).status,
  ).toBe(200)
  expect((await lead.post(`/api/sessions/${session}/admit`, { memberId: removed.id })).status).toBe(
    200,
  )
  expect((await lead.post(`/api/groups/${groupA}/members/${removed.id}/remove`)).status).toBe(200)
  return {
    groupA,
    groupB,
    session,
    sessionB,
    people: {
      lead,
      co,
      otherFacilitator,
      admitted,
      waiting,
      removed,
      otherMember,
      visitor: new HttpClient(server.url),
    },
  }
}
