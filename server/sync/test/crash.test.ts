import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { spawnServer, type ServerProcess } from '../../test/spawnServer.ts'
import { rng, testSeed } from '../../test/rng.ts'
import { tokenWriter } from '../../test/tokenWriter.ts'

const WRITERS = 4
const ROUNDS = 3

describe('durability across SIGKILL', () => {
  const clients: TestClient[] = []
  let server: ServerProcess | undefined
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.stop('SIGKILL')
  })

  it('every acknowledged update survives a SIGKILL in the middle of a stream of edits', async () => {
    const seed = testSeed()
    const random = rng(seed)
    server = await spawnServer()
    const dataDir = server.dataDir
    const allAcked: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const writers = Array.from({ length: WRITERS }, (_, i) =>
        tokenWriter(server!, 'crash/doc', round * 10 + i),
      )
      clients.push(...writers.map((w) => w.client))
      await Promise.all(writers.map((w) => w.client.synced()))
      const timers = writers.map((w) => setInterval(w.write, 2 + Math.floor(random() * 5)))
      await new Promise((r) => setTimeout(r, 300 + random() * 500))
      await server.stop('SIGKILL')
      timers.forEach(clearInterval)
      // Drop the writers before restarting: they must not resend what the server lost.
      for (const c of clients.splice(0)) c.destroy()
      for (const w of writers) allAcked.push(...w.acknowledged)
      server = await spawnServer({ dataDir })
      const reader = connectProvider(server.wsUrl, 'crash/doc', server.token())
      clients.push(reader)
      await reader.synced()
      const text = reader.text.toString()
      const lost = allAcked.filter((t) => !text.includes(t))
      expect(lost, `seed ${seed}, round ${round}`).toEqual([])
      reader.destroy()
      clients.splice(0)
    }
    // The test means something only if the stream was acknowledged while it ran.
    expect(allAcked.length).toBeGreaterThan(100)
  })
})

describe('graceful shutdown', () => {
  it('SIGTERM closes every socket with going-away and exits cleanly; nothing is lost', async () => {
    const server = await spawnServer()
    const writer = connectProvider(server.wsUrl, 'term/doc', server.token())
    await writer.synced()
    const closeCodes: number[] = []
    writer.provider.on('connection-close', (event) => closeCodes.push(event?.code ?? -1))
    for (let i = 0; i < 50; i++) writer.text.insert(writer.text.length, `${i},`)
    const expected = writer.text.toString()
    await writer.saved()
    await server.stop('SIGTERM')
    expect(server.child.exitCode).toBe(0)
    await eventually(() => closeCodes.length > 0, 'socket closed')
    expect(closeCodes[0]).toBe(CloseCode.goingAway)
    writer.destroy()
    const again = await spawnServer({ dataDir: server.dataDir })
    const reader = connectProvider(again.wsUrl, 'term/doc', again.token())
    await reader.synced()
    expect(reader.text.toString()).toBe(expected)
    reader.destroy()
    await again.stop('SIGKILL')
  })
})
