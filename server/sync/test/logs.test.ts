import { afterEach, describe, expect, it } from 'vitest'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

const CANARY = 'CANARY-7f3a-panic-attack-at-work'

describe('[C18] logs', () => {
  const clients: TestClient[] = []
  let server: TestServer | undefined
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
  })

  it('never contain document content, presence or tokens, even around errors', async () => {
    server = await startTestServer({ LOG_LEVEL: 'trace' })
    const token = server.token()
    const a = connectProvider(server.wsUrl, 'logs/doc', token)
    const reader = connectProvider(
      server.wsUrl,
      'logs/doc',
      server.token([{ prefix: '', access: 'read' }]),
    )
    clients.push(a, reader)
    await Promise.all([a.synced(), reader.synced()])
    a.text.insert(0, CANARY)
    a.provider.awareness.setLocalStateField('name', CANARY)
    reader.text.insert(0, CANARY)
    await a.saved()
    await eventually(() => reader.text.toString().includes(CANARY), 'relay')
    const bad = await openRawSocket(server.wsUrl, 'logs/doc', token)
    bad.ws.send(new TextEncoder().encode(`\u0000\u0002${CANARY}`))
    await bad.closed
    await server.close()
    const all = JSON.stringify(server.logs)
    expect(server.logs.length).toBeGreaterThan(3)
    expect(all).not.toContain(CANARY)
    expect(all).not.toContain(token)
  })
})
