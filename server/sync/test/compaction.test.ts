import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocName } from '../../../shared/documents/docName.ts'
import { decodeAck } from '../../../shared/sync/ackMessages.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { rng, testSeed } from '../../test/rng.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { encodeUpdate } from '../encodeFrames.ts'

const contentOf = (doc: Y.Doc) =>
  JSON.stringify({
    t: doc.getText('t').toDelta(),
    m: Object.entries(doc.getMap('m').toJSON()).sort(([a], [b]) => a.localeCompare(b)),
  })

/**
 * Writes `count` small updates to `doc` over one raw socket, in bursts of ten that each wait
 * for their acknowledgement (so they land in separate commits, as typing does).
 */
async function writeUpdates(
  server: TestServer,
  doc: string,
  count: number,
  ackEvery = 10,
): Promise<void> {
  const local = new Y.Doc()
  const socket = await openRawSocket(server.wsUrl, doc, server.token())
  local.on('update', (u: Uint8Array) => socket.ws.send(encodeUpdate(u)))
  const text = local.getText('t')
  for (let i = 1; i <= count; i++) {
    if (i % 7 === 0) text.delete(0, 2)
    else text.insert(text.length, `u${i} `)
    if (i % ackEvery === 0) await socket.next((f) => decodeAck(f) === i, 60_000)
  }
  socket.ws.close()
}

/** One client types 0…9 at the start of `doc`'s text, each saved before the next. */
async function typeDigits(server: TestServer, clients: TestClient[], doc: string) {
  const client = connectProvider(server.wsUrl, doc, server.token())
  clients.push(client)
  await client.synced()
  for (let i = 0; i < 10; i++) {
    client.text.insert(0, `${i}`)
    await client.saved()
  }
  return client
}

/** A new client of `doc` reads what `typeDigits` wrote. */
async function expectDigits(server: TestServer, clients: TestClient[], doc: string) {
  const again = connectProvider(server.wsUrl, doc, server.token())
  clients.push(again)
  await again.synced()
  expect(again.text.toString()).toBe('9876543210')
}

describe('compaction', () => {
  const clients: TestClient[] = []
  let server: TestServer | undefined
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
  })

  it('keeps content identical through many compactions (randomised)', async () => {
    const seed = testSeed()
    const random = rng(seed)
    server = await startTestServer({ HEARTH_COMPACT_ROWS: '4' })
    const token = server.token()
    for (let i = 0; i < 3; i++) clients.push(connectProvider(server.wsUrl, 'compact/r', token))
    await Promise.all(clients.map((c) => c.synced()))
    for (let round = 0; round < 60; round++) {
      const c = clients[Math.floor(random() * clients.length)]!
      const len = c.text.length
      const pick = random()
      if (pick < 0.5) c.text.insert(Math.floor(random() * (len + 1)), `r${round}`)
      else if (pick < 0.7 && len > 3) c.text.delete(Math.floor(random() * (len - 2)), 2)
      else if (pick < 0.85 && len > 0)
        c.text.format(0, Math.ceil(random() * len), { em: random() < 0.5 })
      else c.doc.getMap('m').set(`k${Math.floor(random() * 4)}`, round)
      // Waiting for the save now and then spreads the edits over many commits.
      if (random() < 0.4) await c.saved()
    }
    await eventually(
      () => clients.every((c) => contentOf(c.doc) === contentOf(clients[0]!.doc)),
      `convergence (seed ${seed})`,
    )
    await Promise.all(clients.map((c) => c.saved()))
    const expected = contentOf(clients[0]!.doc)
    await server.sync.drain()
    const stored = await server.store.load('compact/r' as DocName)
    expect(stored.snapshot, 'compaction ran').not.toBeNull()
    expect(stored.updates.length).toBeLessThan(4)

    for (const c of clients.splice(0)) c.destroy()
    const dataDir = server.dataDir
    await server.close()
    server = await startTestServer({ HEARTH_COMPACT_ROWS: '4' }, { dataDir })
    const fresh = connectProvider(server.wsUrl, 'compact/r', server.token())
    clients.push(fresh)
    await fresh.synced()
    expect(contentOf(fresh.doc), `seed ${seed}`).toBe(expected)
  })

  it('keeps the rows read at load bounded as the log grows (flat load time)', async () => {
    const started = await startTestServer({
      HEARTH_COMPACT_ROWS: '200',
      HEARTH_UPDATE_RATE: '1000000',
      HEARTH_UPDATE_BURST: '1000000',
    })
    server = started
    const rowsAt: Record<number, number> = {}
    // Twelve times the updates, the same bound: what a load reads does not grow with the log.
    for (const n of [1_000, 4_000, 12_000]) {
      const doc = `compact/n${n}`
      await writeUpdates(server, doc, n, 20)
      await server.sync.drain()
      // Folding runs behind the commits: on a loaded machine (or PostgreSQL) the last fold may
      // still be under way when the commits have settled.
      await eventually(
        async () => (await started.store.load(doc as DocName)).updates.length < 200,
        `the log of ${n} updates folded`,
      )
      rowsAt[n] = (await server.store.load(doc as DocName)).updates.length
    }
    for (const rows of Object.values(rowsAt)) expect(rows).toBeLessThan(200)
    // Some 850 commits, each waited for: slow on a loaded two-core machine, not stuck.
  }, 240_000)

  it('without compaction the log would grow with every update (the control)', async () => {
    server = await startTestServer({
      HEARTH_COMPACT_ROWS: '100000',
      HEARTH_COMPACT_BYTES: '1000000000',
      HEARTH_UPDATE_RATE: '1000000',
      HEARTH_UPDATE_BURST: '1000000',
    })
    await writeUpdates(server, 'compact/control', 2_000)
    await server.sync.drain()
    const rows = (await server.store.load('compact/control' as DocName)).updates.length
    expect(rows).toBeGreaterThanOrEqual(200)
  }, 60_000)

  it('a burst of updates merged into few rows still triggers compaction (counted by update)', async () => {
    server = await startTestServer({
      HEARTH_COMPACT_ROWS: '200',
      HEARTH_UPDATE_RATE: '1000000',
      HEARTH_UPDATE_BURST: '1000000',
    })
    const local = new Y.Doc()
    const socket = await openRawSocket(server.wsUrl, 'compact/burst', server.token())
    local.on('update', (u: Uint8Array) => socket.ws.send(encodeUpdate(u)))
    for (let i = 0; i < 2_000; i++) local.getText('t').insert(0, 'x')
    await socket.next((f) => decodeAck(f) === 2_000, 60_000)
    await server.sync.drain()
    const stored = await server.store.load('compact/burst' as DocName)
    expect(stored.snapshot, 'compaction ran').not.toBeNull()
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.snapshot!)
    for (const u of stored.updates) Y.applyUpdate(reloaded, u)
    expect(reloaded.getText('t').length).toBe(2_000)
    socket.ws.close()
  }, 60_000)

  it('an idle document leaves memory, compacted, and comes back intact', async () => {
    server = await startTestServer({ HEARTH_IDLE_UNLOAD_MS: '50', HEARTH_COMPACT_ROWS: '1000' })
    const client = await typeDigits(server, clients, 'compact/idle')
    client.destroy()
    clients.splice(0)
    await eventually(() => server!.sync.openRooms === 0, 'document unloaded')
    const stored = await server.store.load('compact/idle' as DocName)
    expect(stored.snapshot).not.toBeNull()
    expect(stored.updates).toHaveLength(0)
    await expectDigits(server, clients, 'compact/idle')
  })

  it('a graceful stop leaves every open document compacted, and a restart loads it intact', async () => {
    server = await startTestServer({ HEARTH_COMPACT_ROWS: '1000' })
    await typeDigits(server, clients, 'compact/stop')
    const before = await server.store.load('compact/stop' as DocName)
    expect(before.updates.length, 'rows before the stop').toBeGreaterThan(1)
    const { dataDir } = server
    await server.close() // the client is still connected: it is closed with "going away"
    clients.splice(0).forEach((c) => c.destroy())
    server = await startTestServer({}, { dataDir })
    const after = await server.store.load('compact/stop' as DocName)
    expect(after.snapshot).not.toBeNull()
    expect(after.updates).toHaveLength(0)
    await expectDigits(server, clients, 'compact/stop')
  })
})
