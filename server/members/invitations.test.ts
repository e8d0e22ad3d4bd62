import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { facilitator, groupBody, PASSPHRASE } from '../test/groupWorld.ts'
import { HttpClient } from '../test/httpClient.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'

describe('[C15] invitations', () => {
  let server: TestServer
  let now = Date.parse('2026-11-27T10:00:00Z')
  let lead: Awaited<ReturnType<typeof facilitator>>
  let groupId: string
  const countMembers = async () =>
    (await (await server.services.data()).selectFrom('members').select('id').execute()).length
  const invite = async (
    body: { maxUses: number; expiresInHours: number; label?: string } = {
      maxUses: 1,
      expiresInHours: 24,
    },
  ) => {
    const res = await lead.post(`/api/groups/${groupId}/invitations`, body)
    return { id: res.json.id as string, token: (res.json.url as string).split('#')[1]! }
  }
  const accept = (token: string, pseudonym: string, agreementVersion = 1) =>
    new HttpClient(server.url).post(`/api/invitations/${token}/accept`, {
      pseudonym,
      passphrase: PASSPHRASE,
      agreementVersion,
    })

  beforeEach(async () => {
    server = await startTestServer({}, { now: () => now })
    lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    groupId = (await lead.post('/api/groups', { ...groupBody('G'), capacity: 2 })).json.id
  })
  afterEach(async () => {
    await server.close()
  })

  it('stores only a hash of the token', async () => {
    const { token } = await invite()
    const rows = await (
      await server.services.data()
    )
      .selectFrom('invitations')
      .selectAll()
      .execute()
    expect(rows[0]!.token_hash).not.toContain(token)
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('a label says whom an invitation is for, to facilitators only; a link can last two hours', async () => {
    const { token } = await invite({ maxUses: 1, expiresInHours: 2, label: '  R., Tuesday  ' })
    const listed = (await lead.get(`/api/groups/${groupId}/invitations`)).json.invitations
    expect(listed[0]).toMatchObject({ label: 'R., Tuesday', expiresAt: now + 2 * 3_600_000 })
    const page = await new HttpClient(server.url).get(`/api/invitations/${token}`)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('Tuesday')
    const long = await lead.post(`/api/groups/${groupId}/invitations`, {
      maxUses: 1,
      expiresInHours: 2,
      label: 'x'.repeat(61),
    })
    expect(long.status).toBe(400)
  })

  it('a single-use invitation works once', async () => {
    const { token } = await invite()
    expect((await accept(token, 'Robin')).status).toBe(201)
    const again = await accept(token, 'Sky')
    expect(again.status).toBe(410)
    expect(again.json.error).toMatch(/already been used/)
    expect(await countMembers()).toBe(1)
  })

  it('an expired invitation is refused and creates nothing', async () => {
    const { token } = await invite({ maxUses: 5, expiresInHours: 1 })
    now += 3_600_000
    const info = await new HttpClient(server.url).get(`/api/invitations/${token}`)
    expect(info.status).toBe(410)
    expect(info.json.error).toMatch(/expired/)
    expect((await accept(token, 'Robin')).status).toBe(410)
    expect(await countMembers()).toBe(0)
  })

  it('a revoked invitation is refused and creates nothing', async () => {
    const { id, token } = await invite({ maxUses: 5, expiresInHours: 24 })
    expect((await lead.post(`/api/groups/${groupId}/invitations/${id}/revoke`)).status).toBe(200)
    const res = await accept(token, 'Robin')
    expect(res.status).toBe(410)
    expect(res.json.error).toMatch(/withdrawn/)
    expect(await countMembers()).toBe(0)
  })

  it('a full group refuses further members, whatever the invitation allows', async () => {
    const { token } = await invite({ maxUses: 10, expiresInHours: 24 })
    expect((await accept(token, 'Robin')).status).toBe(201)
    expect((await accept(token, 'Sky')).status).toBe(201)
    const third = await accept(token, 'Ash')
    expect(third.status).toBe(409)
    expect(third.json.error).toMatch(/full/)
    expect(await countMembers()).toBe(2)
  })

  it('an unknown token, a taken pseudonym, a weak passphrase and a stale agreement are clear errors', async () => {
    const { token } = await invite({ maxUses: 10, expiresInHours: 24 })
    expect((await accept('nope', 'Robin')).status).toBe(404)
    expect((await accept(token, 'Robin')).status).toBe(201)
    const taken = await accept(token, ' ROBIN ')
    expect(taken.status).toBe(409)
    expect(taken.json.error).toMatch(/taken, or looks too much like/)
    // Look-alikes of a member or of a facilitator of the group, in any script or spacing.
    for (const lookAlike of [
      'Rоbin',
      'R o b i n',
      'Robin.',
      'ROBIN',
      'Dr Lеad',
      'dr. lead',
      'Sky - Facilitator',
      '...',
    ]) {
      const refused = await accept(token, lookAlike)
      expect(refused.status, lookAlike).toBe(lookAlike === '...' ? 400 : 409)
    }
    const weak = await new HttpClient(server.url).post(`/api/invitations/${token}/accept`, {
      pseudonym: 'Sky',
      passphrase: 'password1234',
      agreementVersion: 1,
    })
    expect(weak.status).toBe(400)
    await lead.post(`/api/groups/${groupId}/agreement`, { text: 'Version two' })
    const stale = await accept(token, 'Sky', 1)
    expect(stale.status).toBe(409)
    expect(stale.json.error).toMatch(/agreement has just changed/)
    expect(await countMembers()).toBe(1)
  })

  it('a re-issued link restores the member under the same pseudonym and ends their old logins', async () => {
    const { token } = await invite()
    const first = new HttpClient(server.url)
    await first.post(`/api/invitations/${token}/accept`, {
      pseudonym: 'Robin',
      passphrase: PASSPHRASE,
      agreementVersion: 1,
    })
    expect((await first.get('/api/member/home')).status).toBe(200)
    const { id: memberId } = await (
      await server.services.data()
    )
      .selectFrom('members')
      .select('id')
      .executeTakeFirstOrThrow()
    const reissue = await lead.post(`/api/groups/${groupId}/members/${memberId}/reissue`)
    const newToken = (reissue.json.url as string).split('#')[1]!
    const device = new HttpClient(server.url)
    expect((await device.get(`/api/invitations/${newToken}`)).json.pseudonym).toBe('Robin')
    const restored = await device.post(`/api/invitations/${newToken}/accept`, {
      pseudonym: 'ignored',
      passphrase: 'a-brand-new-passphrase',
      agreementVersion: 1,
    })
    expect(restored.status).toBe(201)
    expect((await device.get('/api/me')).json.name).toBe('Robin')
    expect((await first.get('/api/member/home')).status).toBe(401)
    expect(await countMembers()).toBe(1)
    const login = await new HttpClient(server.url).post('/api/auth/member-login', {
      groupId,
      pseudonym: 'robin',
      passphrase: 'a-brand-new-passphrase',
    })
    expect(login.status).toBe(200)
  })
})
