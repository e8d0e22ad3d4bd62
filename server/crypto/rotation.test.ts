import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { TEST_KEYS_DATABASE_URL, throwawaySchema } from '../db/test/throwawaySchema.ts'
import { createLogger } from '../log/logger.ts'
import { connectProvider, eventually, type TestClient } from '../test/connectProvider.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { KeyRing, KeyRingProblem } from './keyRing.ts'
import { parseMasterKey } from './masterKey.ts'
import { rotateMasterKey } from './rotateMasterKey.ts'
import { open } from './seal.ts'

const quiet = createLogger('silent')

describe('[C19] master key rotation, online', () => {
  let server: TestServer | undefined
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = undefined
  })

  async function write(name: string, text: string) {
    const client = connectProvider(server!.wsUrl, name, server!.token())
    clients.push(client)
    await client.synced()
    client.doc.getText('t').insert(0, text)
    await eventually(
      () => server!.sync.serverRead(name as DocName, (d) => d.getText('t').toString() === text),
      `${name} on the server`,
    )
    // Committed (and so sealed, making its data key) before the test looks at the ring.
    await server!.sync.drain()
  }

  it('data written before and after a rotation all loads, and the old key opens nothing', async () => {
    server = await startTestServer({ HEARTH_COMPACT_ROWS: '3' }, { fileKeys: true })
    const { dataDir } = server
    const keyFile = join(dataDir, 'master.key')
    const oldText = readFileSync(keyFile, 'utf8')
    await write('rotate/before', 'written before the rotation')
    await server.services.keys.key('group:gbefore')
    const ringPath = join(dataDir, 'keys.sqlite')
    const wrappedBefore = new DatabaseSync(ringPath)
      .prepare('SELECT scope, wrapped FROM data_keys')
      .all() as { scope: string; wrapped: Uint8Array }[]

    // While the server runs and its clients are connected.
    const done = await rotateMasterKey({ dataDir }, ringPath, () => 2, quiet)
    expect(done.rewrapped).toBe(wrappedBefore.length)
    expect(readFileSync(keyFile, 'utf8')).not.toBe(oldText)
    // The running server keeps writing, and makes a key for a new scope under the new master.
    await write('rotate/after', 'written after the rotation')
    await server.services.keys.key('group:gafter')
    for (const c of clients.splice(0)) c.destroy()
    await server.close()

    server = await startTestServer({}, { dataDir, fileKeys: true })
    for (const [name, text] of [
      ['rotate/before', 'written before the rotation'],
      ['rotate/after', 'written after the rotation'],
    ] as const) {
      expect(await server.sync.serverRead(name as DocName, (d) => d.getText('t').toString())).toBe(
        text,
      )
    }
    expect(server.sync.health().damagedDocuments).toBe(0)
    await server.close()
    server = undefined

    const old = parseMasterKey(oldText, 'old')
    expect(() => new KeyRing(ringPath, old, () => 3)).toThrow(KeyRingProblem)
    const ringBytes = readFileSync(ringPath)
    const now = new DatabaseSync(ringPath)
      .prepare('SELECT scope, wrapped FROM data_keys')
      .all() as { scope: string; wrapped: Uint8Array }[]
    expect(now.map((r) => r.scope).sort()).toEqual(
      [...wrappedBefore.map((r) => r.scope), 'group:gafter'].sort(),
    )
    for (const { scope, wrapped } of now) {
      expect(() => open(old.key, wrapped, `data key ${scope}`)).toThrow()
    }
    // No old wrapping stays on disk, in a free page or the log.
    for (const { wrapped } of wrappedBefore) {
      expect(ringBytes.includes(Buffer.from(wrapped))).toBe(false)
    }
  })

  it('with the key in the environment, the new key goes to the file given, and nothing changes without one', async () => {
    const env = randomBytes(32).toString('base64')
    await expect(
      rotateMasterKey(
        { configured: env, dataDir: '/nonexistent' },
        '/nonexistent/k',
        () => 1,
        quiet,
      ),
    ).rejects.toThrow(/--out/)
  })

  it('rotates the shared key database too, while an instance runs on it', async () => {
    const data = await throwawaySchema('rotate')
    const ring = await throwawaySchema('rotate', TEST_KEYS_DATABASE_URL)
    const env = { DATABASE_URL: data.url, HEARTH_KEYS_DATABASE_URL: ring.url }
    try {
      server = await startTestServer(env)
      const { dataDir } = server
      await write('rotate/before', 'written before the rotation')
      const old = parseMasterKey(readFileSync(join(dataDir, 'master.key'), 'utf8'), 'old')
      const done = await rotateMasterKey({ dataDir }, { url: ring.url }, () => 2, quiet)
      expect(done.rewrapped).toBeGreaterThan(0)
      await write('rotate/after', 'written after the rotation')
      await server.services.keys.key('group:gafter')
      for (const c of clients.splice(0)) c.destroy()
      await server.close()

      server = await startTestServer(env, { dataDir })
      for (const [name, text] of [
        ['rotate/before', 'written before the rotation'],
        ['rotate/after', 'written after the rotation'],
      ] as const) {
        expect(
          await server.sync.serverRead(name as DocName, (d) => d.getText('t').toString()),
        ).toBe(text)
      }
      await server.close()
      server = undefined
      const { rows } = await ring.pool.query<{ scope: string; wrapped: Uint8Array }>(
        'SELECT scope, wrapped FROM data_keys',
      )
      expect(rows.map((r) => r.scope)).toContain('group:gafter')
      for (const { scope, wrapped } of rows) {
        expect(() => open(old.key, wrapped, `data key ${scope}`)).toThrow()
      }
    } finally {
      await server?.close()
      server = undefined
      await data.drop()
      await ring.drop()
    }
  })
})
