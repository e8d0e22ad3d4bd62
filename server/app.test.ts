import { afterEach, describe, expect, it } from 'vitest'
import { verifyDevToken } from './auth/devToken.ts'
import { startTestServer, type TestServer } from './test/startTestServer.ts'

const PLAYGROUND_ON = { HEARTH_PLAYGROUND: 'true' }

describe('HTTP app', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
  })

  it('answers health with a yes or no, and nothing more', async () => {
    server = await startTestServer()
    const res = await fetch(`${server.url}/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('refuses a JSON body over its limit with 413, before reading it', async () => {
    server = await startTestServer()
    const big = JSON.stringify({ email: 'a@x.example', password: 'x'.repeat(2 * 1024 * 1024) })
    const declared = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    })
    expect(declared.status).toBe(413)
    // Without a declared length (chunked), it is cut off as soon as it passes the limit.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 64; i++)
          controller.enqueue(new TextEncoder().encode('x'.repeat(32_768)))
        controller.close()
      },
    })
    const streamed = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(await streamed.json()).toMatchObject({ error: expect.stringContaining('KiB') })
  })

  it('[C13] sets secure headers, and no-store on the API', async () => {
    server = await startTestServer(PLAYGROUND_ON)
    const res = await fetch(`${server.url}/api/playground/token`, { method: 'POST', body: '{}' })
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('mints playground tokens limited to playground documents', async () => {
    server = await startTestServer(PLAYGROUND_ON)
    const res = await fetch(`${server.url}/api/playground/token`, {
      method: 'POST',
      body: JSON.stringify({ access: 'read' }),
    })
    const { token } = (await res.json()) as { token: string }
    const result = verifyDevToken(server.secret, token, server.services.now())
    expect(result.ok && result.principal.grants).toEqual([
      { prefix: 'playground/', access: 'read' },
    ])
  })

  it.each([
    ['malformed JSON', '{"access":'],
    ['an unknown access level', '{"access":"admin"}'],
  ])('refuses %s with a clear 400', async (_name, body) => {
    server = await startTestServer(PLAYGROUND_ON)
    const res = await fetch(`${server.url}/api/playground/token`, { method: 'POST', body })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: expect.any(String) })
  })

  it('has no playground endpoint unless it is asked for', async () => {
    server = await startTestServer()
    const res = await fetch(`${server.url}/api/playground/token`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(404)
  })
})
