/**
 * Sign-in under a flood (issue 10, docs/SECURITY.md "Floods"): a server process is sent 200
 * concurrent requests that would each cost a password hash if unguarded, and a facilitator's
 * correct sign-in (from another address) is timed while they are in flight. Scenarios:
 *   bogus-accepts        200 invitation accepts with a bogus token, default limits
 *   bogus-accepts-nolimit the same with the per-address rate limit lifted
 *   wrong-passwords      200 sign-ins with wrong passwords from 200 addresses (every one a
 *                        real hash: the server-wide queue is what protects)
 * Run: npm run bench:flood
 */
import { serverWithFacilitator, BENCH_FACILITATOR } from './serverWithFacilitator.ts'
import { median, percentiles } from './stats.ts'

const { email: EMAIL, password: PASSWORD } = BENCH_FACILITATOR
const FLOOD = 200

interface Answer {
  status: number
  ms: number
}

async function post(url: string, from: string, body: unknown): Promise<Answer> {
  const started = performance.now()
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(body),
  })
  await res.arrayBuffer()
  return { status: res.status, ms: performance.now() - started }
}

async function get(url: string): Promise<Answer> {
  const started = performance.now()
  const res = await fetch(url)
  await res.arrayBuffer()
  return { status: res.status, ms: performance.now() - started }
}

/** Signs in, following Retry-After on 503; the time until signed in. */
async function signIn(base: string, from: string): Promise<Answer & { tries: number }> {
  const started = performance.now()
  for (let tries = 1; ; tries++) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    })
    await res.arrayBuffer()
    if (res.status !== 503 || tries === 10) {
      return { status: res.status, ms: performance.now() - started, tries }
    }
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000))
  }
}

const counts = (answers: Answer[]) =>
  Object.entries(
    answers.reduce<Record<number, number>>(
      (acc, a) => ((acc[a.status] = (acc[a.status] ?? 0) + 1), acc),
      {},
    ),
  )
    .map(([status, n]) => `${n}×${status}`)
    .join(' ')

async function scenario(
  name: string,
  env: Record<string, string>,
  flood: (base: string) => Promise<Answer>[],
) {
  const server = await serverWithFacilitator({ HEARTH_TRUSTED_PROXIES: '127.0.0.1,::1', ...env })
  try {
    const quiet: number[] = []
    for (let i = 0; i < 5; i++) quiet.push((await signIn(server.httpUrl, '192.0.2.10')).ms)
    const requests = flood(server.httpUrl)
    await new Promise((r) => setTimeout(r, 20)) // the flood is in flight
    const [login, health] = await Promise.all([
      signIn(server.httpUrl, '192.0.2.11'),
      get(`${server.httpUrl}/health`),
    ])
    const answers = await Promise.all(requests)
    return {
      name,
      quietSignInMs: median(quiet),
      signIn: login,
      healthMs: health.ms,
      flood: counts(answers),
      floodP50Ms: percentiles(answers.map((a) => a.ms)).p50,
      floodMaxMs: Math.max(...answers.map((a) => a.ms)),
    }
  } finally {
    await server.stop()
  }
}

const bogusAccept = (base: string) =>
  Array.from({ length: FLOOD }, (_, i) =>
    post(`${base}/api/invitations/bogus-token-${i}/accept`, '198.51.100.66', {
      pseudonym: `Flood ${i}`,
      passphrase: 'a long enough passphrase',
      agreementVersion: 1,
    }),
  )
const wrongPasswords = (base: string) =>
  Array.from({ length: FLOOD }, (_, i) =>
    post(`${base}/api/auth/login`, `203.0.113.${i % 250}`, {
      email: `x${i}@clinic.example`,
      password: 'wrong-password-here',
    }),
  )

const results = [
  await scenario('bogus-accepts', {}, bogusAccept),
  await scenario('bogus-accepts-nolimit', { HEARTH_SIGN_IN_RATE: '100000' }, bogusAccept),
  await scenario('wrong-passwords', {}, wrongPasswords),
]
const ms = (n: number) => `${Math.round(n)} ms`
process.stdout.write(
  '| scenario | correct sign-in, quiet (p50) | correct sign-in during the flood | GET /health during | the 200 flood requests (p50 / max) |\n| --- | --- | --- | --- | --- |\n',
)
for (const r of results) {
  process.stdout.write(
    `| ${r.name} | ${ms(r.quietSignInMs)} | ${r.signIn.status} in ${ms(r.signIn.ms)}${r.signIn.tries > 1 ? ` (${r.signIn.tries} tries)` : ''} | ${ms(r.healthMs)} | ${r.flood} (${ms(r.floodP50Ms)} / ${ms(r.floodMaxMs)}) |\n`,
  )
}
