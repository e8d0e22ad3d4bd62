/**
 * The client as a member on a weak phone sees it (issue 11): Chromium with the phone profile
 * of the issue (562 ms round trip, 1.44 Mbps down, CPU 4× slower), a first visit each time
 * (empty cache), against a real server serving the production build. For the invitation page,
 * the waiting room, the room and the first worksheet opened, it reports the compressed bytes of
 * JavaScript and of everything, first contentful paint, and the time until the page is usable.
 * Run: npm run bench:client (builds the client first).
 */
import type { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../e2e/support/browser.ts'
import { BENCH_FACILITATOR, serverWithFacilitator } from './serverWithFacilitator.ts'

const PHONE = { latency: 562, downloadThroughput: 1_440_000 / 8, uploadThroughput: 675_000 / 8 }
const CPU_SLOWDOWN = 4
/** BENCH_WATERFALL=1 prints each request's start and end, to see which round trips chain. */
const WATERFALL = process.env.BENCH_WATERFALL === '1'
const log = (label: string, from: string, url: string, to: number) =>
  process.stderr.write(
    `${label}\t${from === 'socket' ? 'socket' : Number(from).toFixed(0)}\t${to.toFixed(0)}\t${url.replace(/^https?:\/\/[^/]+/, '')}\n`,
  )
const { email: EMAIL, password: PASSWORD } = BENCH_FACILITATOR

async function api(
  base: string,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const setCookie = res.headers.get('set-cookie')
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
  return { json: json as never, cookie: setCookie ? setCookie.split(';')[0]! : cookie }
}

interface Load {
  page: string
  jsBytes: number
  allBytes: number
  requests: number
  firstPaintMs: number
  usableMs: number
  /** The scripts fetched, by address. */
  scripts: string[]
}

/** Opens `path` on a throttled phone and waits for `ready`; counts what crossed the wire. */
async function measure(
  context: BrowserContext,
  label: string,
  url: string,
  ready: (page: Page) => Promise<unknown>,
  then: { label: string; act: (page: Page) => Promise<unknown> }[] = [],
): Promise<Load[]> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PHONE })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  const types = new Map<string, string>()
  let js = 0
  let all = 0
  let requests = 0
  const scripts: string[] = []
  let started = performance.now()
  const waterfall = new Map<string, { url: string; start: number }>()
  cdp.on('Network.requestWillBeSent', (e) =>
    waterfall.set(e.requestId, { url: e.request.url, start: performance.now() }),
  )
  cdp.on('Network.webSocketCreated', (e) => {
    if (WATERFALL) log(label, 'socket', e.url, performance.now() - started)
  })
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type))
  cdp.on('Network.loadingFinished', (e) => {
    const w = waterfall.get(e.requestId)
    if (WATERFALL && w) log(label, `${w.start - started}`, w.url, performance.now() - started)
    requests++
    all += e.encodedDataLength
    if (types.get(e.requestId) === 'Script') {
      js += e.encodedDataLength
      if (w) scripts.push(w.url)
    }
  })
  started = performance.now()
  await page.goto(url, { waitUntil: 'commit' })
  await ready(page)
  const usableMs = performance.now() - started
  const firstPaintMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  )
  const loads: Load[] = [
    {
      page: label,
      jsBytes: js,
      allBytes: all,
      requests,
      firstPaintMs,
      usableMs,
      scripts: [...scripts],
    },
  ]
  for (const step of then) {
    const before = { js, all, requests, scripts: scripts.length }
    const t0 = performance.now()
    await step.act(page)
    loads.push({
      page: step.label,
      jsBytes: js - before.js,
      allBytes: all - before.all,
      requests: requests - before.requests,
      firstPaintMs: NaN,
      usableMs: performance.now() - t0,
      scripts: scripts.slice(before.scripts),
    })
  }
  await page.close()
  return loads
}

const server = await serverWithFacilitator({
  HEARTH_SERVE_CLIENT: 'true',
  HEARTH_CLIENT_DIR: 'dist/client',
})
const base = server.httpUrl
const browser = await launchBrowser()
try {
  const lead = (
    await api(base, null, 'POST', '/api/auth/login', { email: EMAIL, password: PASSWORD })
  ).cookie
  const group = await api(base, lead, 'POST', '/api/groups', {
    name: 'Thursday group',
    theme: 'Anxiety',
    kind: 'support',
    description: 'A weekly group.',
    goals: 'Coping skills.',
    capacity: 12,
    anonymousChat: true,
    facilitatorsSeeAuthors: false,
    autoAdmit: false,
    agreement: 'What is said in the group stays in the group.',
  })
  const groupId = (group.json as { id: string }).id
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
  const session = await api(base, lead, 'POST', `/api/groups/${groupId}/sessions`, {
    title: 'Week 2',
    startsAtLocal: `${tomorrow}T18:00`,
    timeZone: 'UTC',
    durationMinutes: 90,
  })
  const sessionId = (session.json as { ids: string[] }).ids[0]!
  await api(base, lead, 'POST', `/api/sessions/${sessionId}/worksheets`, {
    templateId: 'thought-record',
    mode: 'shared',
  })
  await api(base, lead, 'POST', `/api/sessions/${sessionId}/status`, { status: 'open' })
  const invitation = await api(base, lead, 'POST', `/api/groups/${groupId}/invitations`, {
    maxUses: 2,
    expiresInHours: 24,
  })
  const token = new URL((invitation.json as { url: string }).url).hash.slice(1)
  const member = (
    await api(base, null, 'POST', `/api/invitations/${token}/accept`, {
      pseudonym: 'Robin',
      passphrase: 'harbour-quiet-morning-tea',
      agreementVersion: 1,
    })
  ).cookie!
  const [name, value] = member.split('=') as [string, string]
  const fresh = async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    })
    await context.addCookies([{ name, value, url: base }])
    return context
  }
  const results: Load[] = []
  const join = await fresh()
  results.push(
    ...(await measure(join, 'invitation page', `${base}/join#${token}`, (p) =>
      p.getByRole('heading', { level: 1 }).first().waitFor(),
    )),
  )
  await join.close()
  const waiting = await fresh()
  results.push(
    ...(await measure(waiting, 'waiting room', `${base}/session/${sessionId}`, (p) =>
      p.getByRole('heading', { name: 'Waiting for your facilitator' }).waitFor({ timeout: 60_000 }),
    )),
  )
  await waiting.close()
  const people = (await api(base, lead, 'GET', `/api/sessions/${sessionId}/waiting-room`)).json as {
    people: { memberId: string; state: string }[]
  }
  const memberId = people.people.find((p) => p.state === 'waiting')!.memberId
  await api(base, lead, 'POST', `/api/sessions/${sessionId}/admit`, { memberId })
  const room = await fresh()
  results.push(
    ...(await measure(
      room,
      'room',
      `${base}/session/${sessionId}`,
      // Usable: connected, with the workspace in view (on a phone, the region it opens on).
      async (p) => {
        await p.getByRole('heading', { name: 'Workspace' }).waitFor({ timeout: 60_000 })
        await p
          .locator('[data-testid="connection-state"][data-state="connected"]')
          .waitFor({ timeout: 60_000 })
      },
      [
        {
          label: '… then opening a worksheet',
          act: async (p) => {
            await p
              .getByRole('button', { name: /^Open / })
              .first()
              .click()
            await p.locator('.worksheet-editor[aria-busy="false"]').waitFor({ timeout: 60_000 })
          },
        },
        {
          label: '… then opening the Slides tab',
          act: async (p) => {
            await p.getByRole('tab', { name: 'Slides' }).click()
            await p.getByText('No slides in this session yet.').waitFor({ timeout: 60_000 })
          },
        },
      ],
    )),
  )
  await room.close()
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  const ms = (n: number) => (Number.isNaN(n) ? '—' : `${(n / 1000).toFixed(2)} s`)
  process.stdout.write(
    `Phone profile: ${PHONE.latency} ms round trip, ${((PHONE.downloadThroughput * 8) / 1e6).toFixed(2)} Mbps down, CPU ${CPU_SLOWDOWN}× slower; first visit (empty cache)\n\n` +
      '| page | JavaScript (compressed) | everything (compressed) | requests | first paint | usable |\n' +
      '| --- | --- | --- | --- | --- | --- |\n',
  )
  for (const r of results) {
    process.stdout.write(
      `| ${r.page} | ${kb(r.jsBytes)} | ${kb(r.allBytes)} | ${r.requests} | ${ms(r.firstPaintMs)} | ${ms(r.usableMs)} |\n`,
    )
  }
  // The slides' code loads when their tab opens, never before (issue 14).
  const slidesChunk = /\/assets\/SlidesPanel-/
  const early = results
    .filter((r) => r.page !== '… then opening the Slides tab')
    .flatMap((r) => r.scripts.filter((u) => slidesChunk.test(u)))
  const onTab = results.find((r) => r.page === '… then opening the Slides tab')
  const loadedOnTab = onTab?.scripts.some((u) => slidesChunk.test(u)) ?? false
  process.stdout.write(
    `\nSlides code before the Slides tab opened: ${early.length === 0 ? 'none' : early.join(', ')}; loaded when it opened: ${loadedOnTab ? 'yes' : 'no'}\n`,
  )
  if (early.length > 0 || !loadedOnTab) process.exitCode = 1
} finally {
  await browser.close()
  await server.stop()
}
