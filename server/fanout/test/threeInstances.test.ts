import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { eveningIn } from '../../test/eveningIn.ts'
import { facilitator, groupBody, member } from '../../test/groupWorld.ts'
import type { PrivateRedis } from '../../test/privateRedis.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { rng, testSeed } from '../../test/rng.ts'
import { sharedServices } from '../../test/sharedServices.ts'
import { spawnServer, type ServerProcess } from '../../test/spawnServer.ts'
import { startTestServer } from '../../test/startTestServer.ts'
import { tokenWriter } from '../../test/tokenWriter.ts'

const DOC = 'cluster/doc'
const SECRET = 's'.repeat(40)
const MASTER_KEY = Buffer.alloc(32, 9).toString('base64')
const ownFolder = () => mkdtempSync(join(tmpdir(), 'hearth-host-'))

/**
 * Three Hearth processes behind no proxy, as on three hosts: each with a data folder of its
 * own, sharing one PostgreSQL schema (the record), a schema of the keys database (the data
 * keys, the VAPID pair), one Redis of the test's own (so that it can be killed), and their
 * configuration (the secret, the master key). Clients are stock y-websocket providers spread
 * across them.
 */
describe('three instances on PostgreSQL and Redis', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function shared() {
    const { env, redis } = await sharedServices('cluster', cleanups)
    return { env: { ...env, HEARTH_SECRET: SECRET, HEARTH_MASTER_KEY: MASTER_KEY }, redis }
  }

  /** An instance on a host of its own: nothing shared but the configuration and the services. */
  async function spawn(env: Record<string, string>): Promise<ServerProcess> {
    const server = await spawnServer({ dataDir: ownFolder(), env })
    cleanups.push(() => server.stop('SIGKILL'))
    return server
  }

  async function threeProcesses(): Promise<{
    servers: ServerProcess[]
    redis: PrivateRedis
    another: () => Promise<ServerProcess>
  }> {
    const { env, redis } = await shared()
    const another = () => spawn(env)
    // The first makes the tables; the other two start together.
    const first = await another()
    const others = await Promise.all([another(), another()])
    return { servers: [first, ...others], redis, another }
  }

  function writersOn(servers: ServerProcess[], count: number) {
    const writers = Array.from({ length: count }, (_, i) =>
      tokenWriter(servers[i % servers.length]!, DOC, i),
    )
    for (const w of writers) cleanups.push(() => w.client.provider.destroy())
    return writers
  }

  /** Keeps every writer typing, each at its own pace; returns the stop. */
  function typing(writers: ReturnType<typeof writersOn>, random: () => number): () => void {
    const timers = writers.map((w) => setInterval(w.write, 3 + Math.floor(random() * 6)))
    return () => timers.forEach(clearInterval)
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  /** A new provider on `server` for the same Y.Doc (what a browser does after a lost socket). */
  function reconnect(client: TestClient, server: ServerProcess): TestClient {
    client.provider.destroy()
    const moved = connectProvider(server.wsUrl, DOC, server.token(), { doc: client.doc })
    cleanups.push(() => moved.provider.destroy())
    return moved
  }

  async function readBack(server: ServerProcess): Promise<string> {
    const reader = connectProvider(server.wsUrl, DOC, server.token())
    cleanups.push(() => reader.destroy())
    await reader.synced()
    return reader.text.toString()
  }

  it('clients spread across them converge; a SIGKILL of one loses no acknowledged update, and its clients carry on at another', async () => {
    const seed = testSeed()
    const random = rng(seed)
    const { servers, another } = await threeProcesses()
    const [doomed, second, third] = servers as [ServerProcess, ServerProcess, ServerProcess]
    const writers = writersOn(servers, 6)
    await Promise.all(writers.map((w) => w.client.synced()))
    const stop = typing(writers, random)
    await pause(500 + random() * 300)
    await doomed.stop('SIGKILL')
    const ackedBeforeKill = writers.flatMap((w) => [...w.acknowledged])
    // The killed instance's clients move to the others, with their unacknowledged edits.
    const clients = writers.map((w, i) =>
      i % 3 === 0 ? reconnect(w.client, i % 2 ? second : third) : w.client,
    )
    await pause(400)
    stop()
    const sent = writers.flatMap((w) => w.sent)
    const text = () => clients[1]!.text.toString()
    await eventually(
      () => clients.every((c) => c.text.toString() === text()),
      `every client converged (seed ${seed})`,
      20_000,
    )
    expect(
      sent.filter((t) => !text().includes(t)),
      `seed ${seed}`,
    ).toEqual([])
    await Promise.all(clients.map((c) => c.saved()))
    // What a new instance, with nothing in memory, reads from the store.
    const stored = await readBack(await another())
    expect(stored).toBe(text())
    expect(
      ackedBeforeKill.filter((t) => !stored.includes(t)),
      `seed ${seed}`,
    ).toEqual([])
    expect(ackedBeforeKill.length).toBeGreaterThan(50)
  })

  it('Redis restarted during editing: afterwards every instance converges, nothing lost', async () => {
    const seed = testSeed()
    const random = rng(seed)
    const { servers, redis } = await threeProcesses()
    const writers = writersOn(servers, 6)
    await Promise.all(writers.map((w) => w.client.synced()))
    const stop = typing(writers, random)
    await pause(300)
    await redis.kill()
    await pause(300)
    // The last edits are made while Redis is away, and nothing follows them: they reach the
    // other instances only because each reads its open documents again once Redis is back.
    stop()
    await pause(200)
    await redis.start()
    const sent = writers.flatMap((w) => w.sent)
    const text = () => writers[0]!.client.text.toString()
    await eventually(
      () => writers.every((w) => w.client.text.toString() === text()),
      `every client converged after Redis came back (seed ${seed})`,
      20_000,
    )
    expect(sent.filter((t) => !text().includes(t))).toEqual([])
    await Promise.all(writers.map((w) => w.client.saved()))
    for (const server of servers) expect(await readBack(server)).toBe(text())
  })

  it("a removed member's sockets close on every instance within a second", async () => {
    const { env } = await shared()
    const home = await startTestServer(env, { dataDir: ownFolder() })
    cleanups.push(() => home.close())
    const others = await Promise.all([spawn(env), spawn(env)])
    const lead = await facilitator(home, 'lead@cluster.example', 'Dr Lead')
    const groupId = (await lead.post('/api/groups', groupBody('Cluster group'))).json.id as string
    const robin = await member(home, lead, groupId, 'Robin')
    const sessionId = (
      await lead.post(`/api/groups/${groupId}/sessions`, {
        title: 'Week 1',
        startsAtLocal: eveningIn(1, home.services.now()),
        timeZone: 'UTC',
        durationMinutes: 60,
      })
    ).json.ids[0] as string
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: robin.id })
    const room = sessionDocName.room(groupId, sessionId)
    const sockets = await Promise.all(
      [home.wsUrl, ...others.map((o) => o.wsUrl)].map((url) =>
        openRawSocket(url, room, null, { cookie: robin.cookie! }),
      ),
    )
    const removedAt = performance.now()
    expect((await lead.post(`/api/groups/${groupId}/members/${robin.id}/remove`)).status).toBe(200)
    const codes = await Promise.all(sockets.map((s) => s.closed))
    expect(performance.now() - removedAt).toBeLessThan(1_000)
    for (const code of codes)
      expect([CloseCode.unauthenticated, CloseCode.forbidden]).toContain(code)
  })
})
