import { afterEach, describe, expect, it } from 'vitest'
import { connectProvider, type TestClient } from '../../test/connectProvider.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

describe('server-side sync latency', () => {
  let server: TestServer | undefined
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
  })

  it('records apply → relay and apply → durable ack for each batch, and resets on summary', async () => {
    server = await startTestServer()
    const a = connectProvider(server.wsUrl, 'lat/doc', server.token())
    const b = connectProvider(server.wsUrl, 'lat/doc', server.token())
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    server.sync.latency.relay.takeSummary()
    server.sync.latency.durable.takeSummary()
    for (let i = 0; i < 5; i++) {
      a.text.insert(0, `${i}`)
      await a.saved()
    }
    const relay = server.sync.latency.relay.takeSummary()
    const durable = server.sync.latency.durable.takeSummary()
    expect(relay?.n).toBe(5)
    expect(durable?.n).toBe(5)
    // Durable comes after the commit, which comes after the relay.
    expect(durable!.p50).toBeGreaterThanOrEqual(relay!.p50)
    expect(server.sync.latency.relay.takeSummary()).toBeNull()
  })
})
