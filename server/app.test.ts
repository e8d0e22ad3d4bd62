import { afterEach, describe, expect, it } from 'vitest'
import { verifyDevToken } from './auth/devToken.ts'
import { startTestServer, type TestServer } from './test/startTestServer.ts'

describe('HTTP app', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
  })

  it('answers health', async () => {
    server = await startTestServer()
    const res = await fetch(`${server.url}/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, openDocuments: 0 })
  })

  it('[C13] sets secure headers, and no-store on the API', async () => {
    server = await startTestServer()
    const res = await fetch(`${server.url}/api/playground/token`, { method: 'POST', body: '{}' })
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('mints playground tokens limited to playground documents', async () => {
    server = await startTestServer()
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
    server = await startTestServer()
    const res = await fetch(`${server.url}/api/playground/token`, { method: 'POST', body })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: expect.any(String) })
  })

  it('has no playground endpoint when the playground is off', async () => {
    server = await startTestServer({ HEARTH_PLAYGROUND: 'false' })
    const res = await fetch(`${server.url}/api/playground/token`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(404)
  })
})
