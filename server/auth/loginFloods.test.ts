import { afterEach, describe, expect, it } from 'vitest'
import { facilitator, groupBody, member, PASSPHRASE, PASSWORD } from '../test/groupWorld.ts'
import { HttpClient } from '../test/httpClient.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { hashQueue } from './passwords.ts'
import { currentTotp } from './totp.ts'

/** A request as if from `address`, through the trusted proxy the test server is told of. */
async function postFrom(server: TestServer, address: string, path: string, body: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, json: await res.json().catch(() => null) }
}

describe('[C15] sign-in and invitation floods', () => {
  let server: TestServer
  afterEach(async () => {
    await server.close()
  })
  const behindProxy = () => startTestServer({ HEARTH_TRUSTED_PROXIES: '127.0.0.1,::1' })

  it('concurrent guesses cannot pass the throttle: at most 8 of 20 are checked, the right one among the rest is refused', async () => {
    server = await behindProxy()
    await facilitator(server, 'a@x.example')
    const before = hashQueue.started
    const guesses = Array.from({ length: 19 }, (_, i) => `wrong-password-${i}-xyz`)
    const answers = await Promise.all(
      [...guesses, PASSWORD].map((password) =>
        postFrom(server, '203.0.113.7', '/api/auth/login', { email: 'a@x.example', password }),
      ),
    )
    const statuses = answers.map((a) => a.status)
    const checked = statuses.filter((s) => s !== 429).length
    expect(checked).toBeLessThanOrEqual(8)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(12)
    expect(statuses.every((s) => [200, 401, 429].includes(s))).toBe(true)
    // The refused ones cost no hash at all.
    expect(hashQueue.started - before).toBeLessThanOrEqual(9)
  })

  it("wrong passphrases for someone else's name slow the guesser, not the member", async () => {
    server = await behindProxy()
    const lead = await facilitator(server, 'lead@x.example')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    await member(server, lead, groupId, 'Robin')
    const guess = (from: string, passphrase: string) =>
      postFrom(server, from, '/api/auth/member-login', { groupId, pseudonym: 'Robin', passphrase })
    for (let i = 0; i < 8; i++)
      expect((await guess('198.51.100.9', `nope ${i} nope`)).status).toBe(401)
    expect((await guess('198.51.100.9', PASSPHRASE)).status).toBe(429)
    expect((await guess('192.0.2.44', PASSPHRASE)).status).toBe(200)
  })

  it('failures on unknown accounts from one address do not lock a facilitator out of it', async () => {
    server = await behindProxy()
    await facilitator(server, 'a@x.example')
    for (let i = 0; i < 40; i++) {
      // Spread over time as the per-address rate limit demands: one address per burst.
      const res = await postFrom(server, '198.51.100.20', '/api/auth/login', {
        email: `ghost${i}@x.example`,
        password: 'wrong-password-here',
      })
      expect([401, 429]).toContain(res.status)
      if (res.status === 429) break
    }
    const records = await server.services.data()
    const failures = await records
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', 'ip:198.51.100.20')
      .executeTakeFirstOrThrow()
    expect(Number(failures.n)).toBeGreaterThanOrEqual(20)
    const mine = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.21' },
      body: JSON.stringify({ email: 'a@x.example', password: PASSWORD }),
    })
    expect(mine.status).toBe(200)
  })

  it('a bogus invitation token is refused before any hashing, and a flood of them is rate-limited', async () => {
    server = await startTestServer()
    const before = hashQueue.started
    const accept = () =>
      new HttpClient(server.url).post('/api/invitations/not-a-real-token/accept', {
        pseudonym: 'Flood',
        passphrase: 'a long enough passphrase here',
        agreementVersion: 1,
      })
    const answers = await Promise.all(Array.from({ length: 40 }, accept))
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 404).length).toBe(20)
    const limited = answers.filter((a) => a.status === 429)
    expect(limited.length).toBe(20)
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(hashQueue.started).toBe(before)
  })

  it('more hashing than the queue holds is refused with 503 and Retry-After, then all is well', async () => {
    server = await behindProxy()
    await facilitator(server, 'a@x.example')
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postFrom(server, `203.0.113.${i + 1}`, '/api/auth/login', {
          email: `someone${i}@x.example`,
          password: 'wrong-password-here',
        }),
      ),
    )
    const busy = answers.filter((a) => a.status === 503)
    expect(busy.length).toBeGreaterThan(0)
    expect(Number(busy[0]!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(answers.every((a) => a.status === 401 || a.status === 503)).toBe(true)
    // A refused attempt was never checked, so it is not counted against its address.
    const records = await server.services.data()
    const keys = await records.selectFrom('login_failures').select('key').execute()
    expect(keys.filter((f) => f.key.startsWith('ip:'))).toHaveLength(answers.length - busy.length)
    const ok = await postFrom(server, '203.0.113.200', '/api/auth/login', {
      email: 'a@x.example',
      password: PASSWORD,
    })
    expect(ok.status).toBe(200)
  })

  it('a two-factor code signs in once, not twice in its window', async () => {
    let now = Date.parse('2031-05-06T07:08:09Z')
    server = await startTestServer({}, { now: () => now })
    const f = await facilitator(server, 'a@x.example')
    const { secret } = (await f.post('/api/facilitator/totp/setup')).json
    expect(
      (await f.post('/api/facilitator/totp/enable', { code: currentTotp(secret, now) })).status,
    ).toBe(200)
    now += 30_000
    const code = currentTotp(secret, now)
    const login = () =>
      new HttpClient(server.url).post('/api/auth/login', {
        email: 'a@x.example',
        password: PASSWORD,
        code,
      })
    expect((await login()).status).toBe(200)
    expect((await login()).status).toBe(401)
    now += 30_000
    expect(
      (
        await new HttpClient(server.url).post('/api/auth/login', {
          email: 'a@x.example',
          password: PASSWORD,
          code: currentTotp(secret, now),
        })
      ).status,
    ).toBe(200)
  })
})
