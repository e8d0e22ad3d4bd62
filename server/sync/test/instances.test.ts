import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TYPING_FIELD, type ChatTyping } from '../../../shared/chat/chatDoc.ts'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import type { DocName } from '../../../shared/documents/docName.ts'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { authorizeByGrants } from '../../access/authorize.ts'
import { throwawaySchema } from '../../db/test/throwawaySchema.ts'
import type { ChatState } from '../../chat/chatState.ts'
import { FanoutHub } from '../../fanout/InProcessFanout.ts'
import { PgDocStore, prepareDocStoreSchemaPg } from '../../store/PgDocStore.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { rng, testSeed } from '../../test/rng.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

/**
 * Several instances in one process: one PostgreSQL schema as the shared record, joined by an
 * in-process hub with Redis's semantics (later delivery, nothing kept). The same paths run
 * over real Redis in separate processes in `server/fanout/test/instances.test.ts`.
 */
describe('several instances sharing one store', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function cluster(count: number, env: Record<string, string> = {}) {
    const schema = await throwawaySchema('inst')
    cleanups.push(() => schema.drop())
    await prepareDocStoreSchemaPg(schema.pool)
    const hub = new FanoutHub()
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-instances-'))
    const withdrawn = new Set<string>()
    const servers: TestServer[] = []
    const start = async () => {
      const server = await startTestServer(env, {
        dataDir,
        store: new PgDocStore({ pool: schema.pool }),
        link: (handlers) => hub.fanout(handlers),
        authorize: (principal, doc) =>
          withdrawn.has(doc) ? 'none' : authorizeByGrants(principal, doc),
      })
      servers.push(server)
      cleanups.push(() => server.close())
      return server
    }
    // One at a time: the first makes the shared data folder's secret and keys.
    for (let i = 0; i < count; i++) await start()
    return { servers, start, withdrawn }
  }

  function client(server: TestServer, doc: string): TestClient {
    const c = connectProvider(server.wsUrl, doc, server.token())
    cleanups.push(() => c.destroy())
    return c
  }

  it('clients spread over three instances co-edit and converge, and the store holds it all', async () => {
    const seed = testSeed()
    const random = rng(seed)
    const { servers, start } = await cluster(3, { HEARTH_COMPACT_ROWS: '20' })
    const clients = Array.from({ length: 6 }, (_, i) => client(servers[i % 3]!, 'multi/doc'))
    await Promise.all(clients.map((c) => c.synced()))
    for (let round = 0; round < 60; round++) {
      for (const c of clients) {
        const length = c.text.length
        if (length > 5 && random() < 0.3) c.text.delete(Math.floor(random() * (length - 1)), 1)
        else
          c.text.insert(Math.floor(random() * (length + 1)), String.fromCharCode(97 + (round % 26)))
      }
      if (round % 6 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    const text = () => clients[0]!.text.toString()
    await eventually(
      () => clients.every((c) => c.text.toString() === text()) && text().length > 0,
      `convergence across instances (seed ${seed})`,
    )
    await Promise.all(clients.map((c) => c.saved()))
    // Every instance folded its log many times (20 rows); a new instance reads only the store.
    const fresh = client(await start(), 'multi/doc')
    await fresh.synced()
    expect(fresh.text.toString(), `seed ${seed}`).toBe(text())
  })

  it('presence crosses instances, and leaves with its connection', async () => {
    const { servers } = await cluster(2)
    const [ana, bea] = [
      client(servers[0]!, 'multi/presence'),
      client(servers[1]!, 'multi/presence'),
    ]
    await Promise.all([ana.synced(), bea.synced()])
    ana.provider.awareness.setLocalStateField('cursor', { at: 3 })
    const anaId = ana.doc.clientID
    await eventually(
      () =>
        (bea.provider.awareness.getStates().get(anaId) as { cursor?: unknown })?.cursor !==
        undefined,
      "Ana's presence on Bea's instance",
    )
    // A member joining Bea's instance later is told it too.
    const cai = client(servers[1]!, 'multi/presence')
    await eventually(() => cai.provider.awareness.getStates().has(anaId), "Ana's presence for Cai")
    ana.destroy()
    await eventually(
      () => !bea.provider.awareness.getStates().has(anaId),
      "Ana's presence gone from Bea's instance",
    )
  })

  it('an update written while another instance loads the document reaches it', async () => {
    const { servers } = await cluster(2)
    const writer = client(servers[0]!, 'multi/loading')
    await writer.synced()
    const typing = setInterval(() => writer.text.insert(writer.text.length, 'x'), 2)
    cleanups.push(() => clearInterval(typing))
    const readers = Array.from({ length: 5 }, () => client(servers[1]!, 'multi/loading'))
    await new Promise((r) => setTimeout(r, 300))
    clearInterval(typing)
    await eventually(
      () => readers.every((r) => r.text.toString() === writer.text.toString()),
      'every reader has every update',
    )
    expect(writer.text.length).toBeGreaterThan(20)
  })

  it('a document deleted on one instance is dropped by every other, and no row of it survives', async () => {
    const { servers } = await cluster(2, { HEARTH_COMMIT_INTERVAL_MS: '5' })
    const [here, there] = [client(servers[0]!, 'multi/erased'), client(servers[1]!, 'multi/erased')]
    await Promise.all([here.synced(), there.synced()])
    const closed = new Promise<number>((resolve) =>
      there.provider.once('connection-close', (event) => resolve(event?.code ?? 0)),
    )
    // The member on the other instance keeps writing until their socket closes.
    const typing = setInterval(() => there.text.insert(0, 'private words '), 2)
    cleanups.push(() => clearInterval(typing))
    await new Promise((r) => setTimeout(r, 100))
    await servers[0]!.sync.forget('multi/erased' as DocName)
    expect(await closed).toBe(CloseCode.forbidden)
    clearInterval(typing)
    await servers[1]!.sync.drain()
    await eventually(async () => {
      const stored = await servers[0]!.store.load('multi/erased' as DocName)
      return stored.snapshot === null && stored.updates.length === 0
    }, 'nothing of the document in the store')
  })

  it("who types in a chat, told on one instance, is shown by every instance's server", async () => {
    const { servers } = await cluster(2)
    const chat = sessionDocName.chat('gtyping', 'styping')
    const reader = client(servers[1]!, chat)
    await reader.synced()
    const typing = () =>
      (reader.provider.awareness.getStates().get(0) as Record<string, ChatTyping> | undefined)?.[
        TYPING_FIELD
      ]
    servers[0]!.services.chat.typists.set(chat as DocName, 'member:ana', 'Ana', true)
    servers[0]!.services.chat.typists.set(chat as DocName, 'member:anon', null, true)
    await eventually(
      () => typing()?.names.join() === 'Ana' && typing()?.others === 1,
      'Ana and one anonymous member typing, on the other instance',
    )
    servers[0]!.services.chat.typists.set(chat as DocName, 'member:ana', 'Ana', false)
    await eventually(() => typing()?.names.length === 0, 'Ana no longer typing there')
  })

  it('the link from an anonymous message to its writer is known on every instance, and dropped on every one', async () => {
    const { servers } = await cluster(2)
    const [here, there] = servers.map((s) => s.services.chat) as [ChatState, ChatState]
    here.rememberWriter('s1', 'msg1', 'mem_robin')
    here.rememberWriter('s1', 'msg2', 'mem_sky')
    here.rememberWriter('s2', 'msg3', 'mem_robin')
    await eventually(() => there.writerOf('s2', 'msg3') === 'mem_robin', 'the link elsewhere')
    expect(there.writerOf('s1', 'msg1')).toBe('mem_robin')
    // A mute asked on the other instance finds the writer; an erasure leaves the link nowhere.
    there.forgetMember('mem_robin')
    await eventually(() => here.writerOf('s1', 'msg1') === null, 'the erasure told back')
    expect(here.writerOf('s2', 'msg3')).toBeNull()
    expect(here.writerOf('s1', 'msg2')).toBe('mem_sky')
    here.forgetWriter('s1', 'msg2')
    here.rememberWriter('s3', 'msg4', 'mem_ash')
    here.endSession('s3')
    await eventually(() => there.writerOf('s1', 'msg2') === null, 'the deleted message')
    expect(there.writerOf('s3', 'msg4')).toBeNull()
  })

  it('access withdrawn on one instance closes the sockets on every other', async () => {
    const { servers, withdrawn } = await cluster(3)
    const members = servers.map((s) => client(s, 'multi/private'))
    await Promise.all(members.map((m) => m.synced()))
    const closes = members.map(
      (m) =>
        new Promise<number>((resolve) =>
          m.provider.once('connection-close', (event) => resolve(event?.code ?? 0)),
        ),
    )
    withdrawn.add('multi/private')
    const started = performance.now()
    await servers[0]!.sync.reauthorize({ docs: ['multi/private'] })
    expect(await Promise.all(closes)).toEqual([
      CloseCode.forbidden,
      CloseCode.forbidden,
      CloseCode.forbidden,
    ])
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})
