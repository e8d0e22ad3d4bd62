import { afterEach, describe, expect, it } from 'vitest'
import { signDevToken } from '../auth/devToken.ts'
import { openRawSocket } from '../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { manualClock } from './clock.ts'

// Dates far from any day these tests will run on, on both sides: a server started on such a
// clock must agree with itself about every expiry, whatever the machine's own date is.
const CLOCKS = [
  ['decades back', Date.parse('2001-03-04T05:06:07Z')],
  ['decades ahead', Date.parse('2099-08-09T10:11:12Z')],
] as const

describe('one clock: a server on a clock far from today agrees with itself', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it.each(CLOCKS)('%s: a token valid for an hour opens a socket that stays open', async (_, at) => {
    server = await startTestServer({}, { now: manualClock(at) })
    const token = signDevToken(server.secret, {
      id: 'hour',
      grants: [{ prefix: '', access: 'write' }],
      expiresAt: at + 3_600_000,
    })
    const socket = await openRawSocket(server.wsUrl, 'clock/hour', token)
    const outcome = await Promise.race([
      socket.closed.then((code) => `closed ${code}`),
      new Promise((resolve) => setTimeout(() => resolve('open'), 600)),
    ])
    expect(outcome).toBe('open')
    socket.ws.close()
  })

  it.each(CLOCKS)('%s: a token about to expire closes its socket on time', async (_, at) => {
    server = await startTestServer({}, { now: manualClock(at) })
    const token = signDevToken(server.secret, {
      id: 'short',
      grants: [{ prefix: '', access: 'write' }],
      expiresAt: at + 300,
    })
    const socket = await openRawSocket(server.wsUrl, 'clock/short', token)
    const opened = performance.now()
    expect(await socket.closed).toBe(4401)
    expect(performance.now() - opened).toBeLessThan(2_000)
  })

  it.each(CLOCKS)('%s: a token expired by the server clock is refused', async (_, at) => {
    server = await startTestServer({}, { now: manualClock(at) })
    const token = signDevToken(server.secret, {
      id: 'old',
      grants: [{ prefix: '', access: 'write' }],
      expiresAt: at - 1,
    })
    await expect(openRawSocket(server.wsUrl, 'clock/old', token)).rejects.toThrow('HTTP 401')
  })
})
