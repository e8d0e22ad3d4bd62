import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { onPostgres } from '../data/Data.ts'
import { foundAtRest } from '../test/foundAtRest.ts'
import { facilitator, groupBody, member, PASSPHRASE, PASSWORD } from '../test/groupWorld.ts'
import { HttpClient } from '../test/httpClient.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { LOGIN_FAILED, LOGIN_THROTTLED } from './authRoutes.ts'
import { currentTotp } from './totp.ts'

describe('[C15] signing in', () => {
  let server: TestServer
  let now = Date.parse('2026-11-27T10:00:00Z')
  beforeEach(async () => {
    server = await startTestServer({}, { now: () => now })
  })
  afterEach(async () => {
    await server.close()
  })
  const login = (body: object) => new HttpClient(server.url).post('/api/auth/login', body)

  it('sets a HttpOnly, SameSite=Strict cookie on success', async () => {
    await facilitator(server, 'a@x.example')
    const res = await login({ email: 'A@X.example ', password: PASSWORD })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/)
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Strict/)
  })

  it.each([
    ['a wrong password', { email: 'a@x.example', password: 'not-the-password-1' }],
    ['an unknown email', { email: 'nobody@x.example', password: PASSWORD }],
    [
      'an unknown email and a wrong password',
      { email: 'nobody@x.example', password: 'whatever-it-is-9' },
    ],
  ])('answers %s exactly like any other failure', async (_case, body) => {
    await facilitator(server, 'a@x.example')
    const res = await login(body)
    expect(res.status).toBe(401)
    expect(res.json.error).toBe(LOGIN_FAILED)
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('with two-factor on: a missing or wrong code fails the same way; the right one passes', async () => {
    const f = await facilitator(server, 'a@x.example')
    const { secret } = (await f.post('/api/facilitator/totp/setup')).json
    expect(
      (
        await f.post('/api/facilitator/totp/enable', {
          code: '000000' === currentTotp(secret, now) ? '111111' : '000000',
        })
      ).status,
    ).toBe(400)
    expect(
      (await f.post('/api/facilitator/totp/enable', { code: currentTotp(secret, now) })).status,
    ).toBe(200)
    expect((await f.get('/api/me')).json.twoFactor).toBe(true)
    const missing = await login({ email: 'a@x.example', password: PASSWORD })
    const wrong = await login({
      email: 'a@x.example',
      password: PASSWORD,
      code: currentTotp(secret, now - 300_000),
    })
    for (const res of [missing, wrong]) {
      expect(res.status).toBe(401)
      expect(res.json.error).toBe(LOGIN_FAILED)
    }
    // The code that enabled two-factor is spent; the next one signs in.
    now += 30_000
    expect(
      (await login({ email: 'a@x.example', password: PASSWORD, code: currentTotp(secret, now) }))
        .status,
    ).toBe(200)
    // [C19] The secret is stored sealed: not in the database file or its log, in any encoding.
    // PostgreSQL's files are not the server's to read: there, in none of the stored rows.
    const forms = [secret, Buffer.from(secret).toString('base64'), secret.toLowerCase()]
    const records = await server.services.data()
    if (onPostgres(records)) {
      expect(await foundAtRest(server, forms)).toEqual([])
    } else {
      server.db.sql.exec('PRAGMA wal_checkpoint(TRUNCATE)')
      const files = readdirSync(server.dataDir).map((f) => readFileSync(join(server.dataDir, f)))
      for (const form of forms) {
        for (const file of files) expect(file.includes(Buffer.from(form))).toBe(false)
      }
    }
    const stored = await records
      .selectFrom('facilitators')
      .select('totp_secret')
      .executeTakeFirstOrThrow()
    expect(stored.totp_secret!.startsWith('sealed:')).toBe(true)
  })

  it('is rate-limited per account, for known and unknown accounts alike, and recovers', async () => {
    await facilitator(server, 'a@x.example')
    for (const email of ['a@x.example', 'ghost@x.example']) {
      for (let i = 0; i < 8; i++)
        expect((await login({ email, password: 'wrong-password-here' })).status).toBe(401)
      const blocked = await login({ email, password: PASSWORD })
      expect(blocked.status).toBe(429)
      expect(blocked.json.error).toBe(LOGIN_THROTTLED)
    }
    now += 15 * 60_000 + 1
    expect((await login({ email: 'a@x.example', password: PASSWORD })).status).toBe(200)
  })

  it('members: an unknown pseudonym and a wrong passphrase look the same', async () => {
    const lead = await facilitator(server, 'lead@x.example')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    await member(server, lead, groupId, 'Robin')
    const as = (pseudonym: string, passphrase: string) =>
      new HttpClient(server.url).post('/api/auth/member-login', { groupId, pseudonym, passphrase })
    const wrong = await as('Robin', 'wrong passphrase here')
    const unknown = await as('Nobody', PASSPHRASE)
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(wrong.json.error).toBe(unknown.json.error)
    expect((await as('robin', PASSPHRASE)).status).toBe(200)
  })

  it('logging out ends the login on the server, not only the cookie', async () => {
    const f = await facilitator(server, 'a@x.example')
    const cookie = f.cookie
    await f.post('/api/auth/logout')
    const replay = new HttpClient(server.url)
    replay.cookie = cookie
    expect((await replay.get('/api/groups')).status).toBe(401)
  })
})

describe('first facilitator set-up link', () => {
  let server: TestServer
  afterEach(async () => {
    await server.close()
  })

  it('is printed at start, creates one account with a strong password, and works once', async () => {
    server = await startTestServer()
    const line = server.logs.find((l) => typeof l.setupLink === 'string')
    expect(line).toBeDefined()
    const token = (line!.setupLink as string).split('#')[1]!
    const client = new HttpClient(server.url)
    const weak = await client.post('/api/setup', {
      token,
      email: 'me@x.example',
      displayName: 'Me',
      password: 'password1234',
    })
    expect(weak.status).toBe(400)
    const created = await client.post('/api/setup', {
      token,
      email: 'me@x.example',
      displayName: 'Me',
      password: PASSWORD,
    })
    expect(created.status).toBe(201)
    expect((await client.get('/api/me')).json).toMatchObject({ kind: 'facilitator', name: 'Me' })
    expect(
      (
        await client.post('/api/setup', {
          token,
          email: 'you@x.example',
          displayName: 'You',
          password: PASSWORD,
        })
      ).status,
    ).toBe(410)
    await server.close()
    server = await startTestServer({}, { dataDir: server.dataDir })
    expect(server.logs.some((l) => 'setupLink' in l)).toBe(false)
  })
})
