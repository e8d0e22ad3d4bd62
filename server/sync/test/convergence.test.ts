import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { rng, testSeed } from '../../test/rng.ts'

describe('convergence', () => {
  const clients: TestClient[] = []
  let server: TestServer | undefined
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
  })

  it('8 concurrent providers converge, and a restarted server loads the converged document', async () => {
    const seed = testSeed()
    const random = rng(seed)
    server = await startTestServer()
    const token = server.token()
    for (let i = 0; i < 8; i++) clients.push(connectProvider(server.wsUrl, 'conv/doc', token))
    await Promise.all(clients.map((c) => c.synced()))
    for (let round = 0; round < 40; round++) {
      for (const c of clients) {
        const len = c.text.length
        if (len > 5 && random() < 0.3) c.text.delete(Math.floor(random() * (len - 1)), 1)
        else
          c.text.insert(
            Math.floor(random() * (len + 1)),
            String.fromCharCode(97 + Math.floor(random() * 26)),
          )
      }
      if (round % 10 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    const expected = () => clients[0]!.text.toString()
    await eventually(
      () => clients.every((c) => c.text.toString() === expected()) && expected().length > 0,
      `convergence (seed ${seed})`,
    )
    await Promise.all(clients.map((c) => c.saved()))
    const converged = expected()
    for (const c of clients.splice(0)) c.destroy()
    const dataDir = server.dataDir
    await server.close()

    server = await startTestServer({}, { dataDir })
    const fresh = connectProvider(server.wsUrl, 'conv/doc', server.token())
    clients.push(fresh)
    await fresh.synced()
    expect(fresh.text.toString(), `seed ${seed}`).toBe(converged)
  })

  it('an unmodified y-websocket client syncs with the server and never sees an ack', async () => {
    server = await startTestServer()
    const token = server.token()
    const plain = connectProvider(server.wsUrl, 'conv/plain', token, { acks: false })
    const acking = connectProvider(server.wsUrl, 'conv/plain', token)
    clients.push(plain, acking)
    const seen: number[] = []
    plain.provider.ws?.addEventListener('message', (e) =>
      seen.push(new Uint8Array(e.data as ArrayBuffer)[0]!),
    )
    await Promise.all([plain.synced(), acking.synced()])
    plain.text.insert(0, 'from plain ')
    acking.text.insert(0, 'from acking ')
    await eventually(
      () => plain.text.toString() === acking.text.toString() && plain.text.length > 20,
      'sync',
    )
    await acking.saved()
    expect(seen.every((type) => type <= 3)).toBe(true)
    expect(Y.encodeStateVector(plain.doc)).toEqual(Y.encodeStateVector(acking.doc))
  })
})
