import type { Db } from '../db/openDatabase.ts'
import type { Logger } from '../log/logger.ts'
import type { KeyRing } from './keyRing.ts'
import { openText, SEALED_TEXT, sealText } from './seal.ts'

/** A facilitator's TOTP secret is sealed to their row: copied to another row, it opens nothing. */
const context = (facilitatorId: string) => `facilitators.totp_secret ${facilitatorId}`

export const sealTotpSecret = (keys: KeyRing, facilitatorId: string, secret: string): string =>
  sealText(keys.keyOf('system'), secret, context(facilitatorId))

export const openTotpSecret = (keys: KeyRing, facilitatorId: string, stored: string): string =>
  openText(keys.keyOf('system'), stored, context(facilitatorId))

/**
 * Secrets an older install stored in clear are sealed at start-up, once, in one transaction;
 * the database's secure delete overwrites the old values' pages. Such installs were all on the
 * SQLite file (PostgreSQL came after sealing), so this reads it directly: at start-up, before
 * Kysely is loaded.
 */
export function sealStoredSecrets(db: Db, keys: KeyRing, log: Logger): void {
  const plain = db.sql
    .prepare(
      `SELECT id, totp_secret FROM facilitators
       WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE '${SEALED_TEXT}%'`,
    )
    .all() as { id: string; totp_secret: string }[]
  if (plain.length === 0) return
  const update = db.sql.prepare('UPDATE facilitators SET totp_secret = ? WHERE id = ?')
  db.transaction(() => {
    for (const { id, totp_secret } of plain) update.run(sealTotpSecret(keys, id, totp_secret), id)
  })
  log.info({ secrets: plain.length }, 'sealed two-factor secrets stored in clear')
}
