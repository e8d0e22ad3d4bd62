import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { currentTotp, newTotpSecret } from '../auth/totp.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aFacilitator } from '../data/test/graphRows.ts'
import type { Logger } from '../log/logger.ts'
import { facilitator, PASSWORD } from '../test/groupWorld.ts'
import { HttpClient } from '../test/httpClient.ts'
import { startTestServer } from '../test/startTestServer.ts'
import { KeyRing } from './keyRing.ts'
import { parseMasterKey } from './masterKey.ts'
import { openTotpSecret, sealStoredTotpSecrets } from './totpSecrets.ts'

describe('two-factor secrets at rest', () => {
  it('[C19] a secret an older install stored in clear is sealed at the next start, and still signs in', async () => {
    let now = Date.UTC(2026, 0, 5, 9)
    const first = await startTestServer({}, { now: () => now })
    await facilitator(first, 'a@x.example')
    const secret = newTotpSecret()
    first.db.sql
      .prepare('UPDATE facilitators SET totp_secret = ?, totp_enabled = 1 WHERE email = ?')
      .run(secret, 'a@x.example')
    await first.close()

    const second = await startTestServer({}, { dataDir: first.dataDir, now: () => now })
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

describe.each(DIALECTS)('[C19] sealing two-factor secrets stored in clear on $name', ({ open }) => {
  let opened: OpenedData
  let keys: KeyRing
  beforeEach(async () => {
    opened = await open()
    const master = parseMasterKey(randomBytes(32).toString('base64'), 'test')
    keys = new KeyRing(
      join(mkdtempSync(join(tmpdir(), 'hearth-keys-')), 'keys.sqlite'),
      master,
      () => 1,
    )
  })
  afterEach(async () => {
    keys.close()
    await opened.close()
  })

  it('seals each clear secret to its row, leaves sealed and missing ones, and says how many', async () => {
    const { data } = opened
    const [clear, sealed, none] = [
      await aFacilitator(data),
      await aFacilitator(data),
      await aFacilitator(data),
    ]
    const secrets = { [clear]: newTotpSecret(), [sealed]: 'sealed:already' }
    for (const [id, secret] of Object.entries(secrets)) {
      await data
        .updateTable('facilitators')
        .set({ totp_secret: secret })
        .where('id', '=', id)
        .execute()
    }
    const info = vi.fn()
    await sealStoredTotpSecrets(data, keys, { info } as unknown as Logger)
    const rows = await data.selectFrom('facilitators').select(['id', 'totp_secret']).execute()
    const stored = Object.fromEntries(rows.map((r) => [r.id, r.totp_secret]))
    expect(stored[clear]).toMatch(/^sealed:/)
    expect(openTotpSecret(keys, clear, stored[clear]!)).toBe(secrets[clear])
    expect(stored[sealed]).toBe('sealed:already')
    expect(stored[none]).toBeNull()
    expect(info).toHaveBeenCalledWith({ secrets: 1 }, 'sealed two-factor secrets stored in clear')
    info.mockClear()
    await sealStoredTotpSecrets(data, keys, { info } as unknown as Logger)
    expect(info).not.toHaveBeenCalled()
  })
})
