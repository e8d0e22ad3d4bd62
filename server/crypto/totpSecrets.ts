import type { Db } from '../db/openDatabase.ts'
import type { Logger } from '../log/logger.ts'
import type { Keys } from './Keys.ts'
import { openText, SEALED_TEXT, sealText } from './seal.ts'

/** A facilitator's TOTP secret is sealed to their row: copied to another row, it opens nothing. */
const context = (facilitatorId: string) => `facilitators.totp_secret ${facilitatorId}`

const sealWith = (key: Uint8Array, facilitatorId: string, secret: string): string =>
  sealText(key, secret, context(facilitatorId))

export const sealTotpSecret = async (
  keys: Keys,
  facilitatorId: string,
  secret: string,
): Promise<string> => sealWith(await keys.key('system'), facilitatorId, secret)

export const openTotpSecret = async (
  keys: Keys,
  facilitatorId: string,
  stored: string,
): Promise<string> => openText(await keys.key('system'), stored, context(facilitatorId))

/**
 * Secrets an older install stored in clear are sealed at start-up, once, in one transaction;
 * the database's secure delete overwrites the old values' pages. Such installs were all on the
 * SQLite file (PostgreSQL came after sealing), so this reads it directly: at start-up, before
 * Kysely is loaded.
 */
export function sealStoredSecrets(db: Db, keys: Pick<Keys, 'keyOf'>, log: Logger): void {
  const plain = db.sql
    .prepare(
      `SELECT id, totp_secret FROM facilitators
       WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE '${SEALED_TEXT}%'`,
    )
    .all() as { id: string; totp_secret: string }[]
  if (plain.length === 0) return
  const update = db.sql.prepare('UPDATE facilitators SET totp_secret = ? WHERE id = ?')
  // Synchronous, like the file ring it runs beside: keyOf reads the key from its file.
  const key = keys.keyOf('system')
  db.transaction(() => {
    for (const { id, totp_secret } of plain) update.run(sealWith(key, id, totp_secret), id)
  })
  log.info({ secrets: plain.length }, 'sealed two-factor secrets stored in clear')
}
