import { afterEach, beforeEach, expect } from 'vitest'
import type { Clock } from '../clock/clock.ts'
import type { HttpClient } from './httpClient.ts'
import { connectProvider, type TestClient } from './connectProvider.ts'
import { facilitator, groupBody, member, scheduleSession } from './groupWorld.ts'
import { startTestServer, type TestServer } from './startTestServer.ts'

/**
 * A fresh server for each test of the file, and stock providers opened with a person's login
 * cookie that are closed after it: the set-up every sync-level test of a room repeats.
 */
export function serverPerTest(options: { env?: Record<string, string>; now?: () => Clock } = {}) {
  let server: TestServer | null = null
  const clients: TestClient[] = []
  beforeEach(async () => {
    server = await startTestServer(options.env, options.now ? { now: options.now() } : {})
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.close()
  })
  return {
    get server(): TestServer {
      return server!
    },
    /** A provider on `doc`, authenticated as `who`, synced. */
    async open(doc: string, who: { cookie: string | null }): Promise<TestClient> {
      const client = connectProvider(server!.wsUrl, doc, null, { cookie: who.cookie! })
      clients.push(client)
      await client.synced()
      return client
    },
  }
}

/**
 * A group led by Dr Lead (with `settings` over the defaults: anonymous chat that facilitators
 * cannot trace), with these members, and a session open with all of them admitted.
 */
export async function openSession(
  server: TestServer,
  pseudonyms: string[],
  settings: Record<string, unknown> = {},
) {
  const lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
  const groupId = (await lead.post('/api/groups', { ...groupBody('G'), ...settings })).json
    .id as string
  const members = []
  for (const pseudonym of pseudonyms) members.push(await member(server, lead, groupId, pseudonym))
  const sessionId = await scheduleSession(server, lead, groupId)
  await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
  for (const m of members) await m.post(`/api/sessions/${sessionId}/join`)
  await lead.post(`/api/sessions/${sessionId}/admit`, { all: true })
  return { lead, groupId, sessionId, members }
}

/** Logins that outlast a clock moved by weeks (a cookie lives 400 days at most): for tests of what happens days later. */
export const LONG_LOGINS = {
  HEARTH_LOGIN_MAX_HOURS: '9000',
  HEARTH_MEMBER_IDLE_MINUTES: '10000000',
  HEARTH_FACILITATOR_IDLE_MINUTES: '10000000',
}

/** The lead gives the session a worksheet (a thought record unless told); its id. */
export async function addWorksheet(
  lead: HttpClient,
  sessionId: string,
  mode: 'shared' | 'private',
  templateId = 'thought-record',
): Promise<string> {
  const added = await lead.post(`/api/sessions/${sessionId}/worksheets`, { templateId, mode })
  expect(added.status).toBe(201)
  return added.json.id as string
}

/** When a session starts, as stored. */
export async function startsAtOf(server: TestServer, sessionId: string): Promise<number> {
  const records = await server.services.data()
  const { starts_at } = await records
    .selectFrom('sessions')
    .select('starts_at')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()
  return starts_at
}
