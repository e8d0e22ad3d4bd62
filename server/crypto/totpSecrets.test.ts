import { describe, expect, it } from 'vitest'
import { currentTotp, newTotpSecret } from '../auth/totp.ts'
import { facilitator, PASSWORD } from '../test/groupWorld.ts'
import { HttpClient } from '../test/httpClient.ts'
import { startTestServer } from '../test/startTestServer.ts'

describe('two-factor secrets at rest', () => {
  it('[C19] a secret an older install stored in clear is sealed at the next start, and still signs in', async () => {
    let now = Date.UTC(2026, 0, 5, 9)
    const first = await startTestServer({}, { sqliteFile: true, now: () => now })
    await facilitator(first, 'a@x.example')
    const secret = newTotpSecret()
    first.db.sql
      .prepare('UPDATE facilitators SET totp_secret = ?, totp_enabled = 1 WHERE email = ?')
      .run(secret, 'a@x.example')
    await first.close()

    const second = await startTestServer(
      {},
      { sqliteFile: true, dataDir: first.dataDir, now: () => now },
    )
    try {
      const stored = second.db.sql.prepare('SELECT totp_secret FROM facilitators').get() as {
        totp_secret: string
      }
      expect(stored.totp_secret.startsWith('sealed:')).toBe(true)
      expect(stored.totp_secret).not.toContain(secret)
      now += 60_000
      const login = await new HttpClient(second.url, second.url).post('/api/auth/login', {
        email: 'a@x.example',
        password: PASSWORD,
        code: currentTotp(secret, now),
      })
      expect(login.status).toBe(200)
      // Moved to another facilitator's row, the sealed value opens nothing.
      await facilitator(second, 'b@x.example')
      second.db.sql
        .prepare(
          "UPDATE facilitators SET totp_secret = ?, totp_enabled = 1 WHERE email = 'b@x.example'",
        )
        .run(stored.totp_secret)
      const moved = await new HttpClient(second.url, second.url).post('/api/auth/login', {
        email: 'b@x.example',
        password: PASSWORD,
        code: currentTotp(secret, now + 30_000),
      })
      expect(moved.status).toBe(500)
    } finally {
      await second.close()
    }
  })
})
