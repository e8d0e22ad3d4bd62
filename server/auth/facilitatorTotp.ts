import { audit } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'

/**
 * A facilitator's second factor as stored. Each write is one statement that checks what it
 * depends on, so that requests racing on several instances cannot undo each other.
 */

/**
 * Accepts a code's time step only past the last step accepted for this account, recording it
 * in the same statement: two requests (on any instances) cannot both use one code.
 */
export async function useTotpStep(
  data: Data,
  facilitatorId: string,
  step: number,
): Promise<boolean> {
  const used = await data
    .updateTable('facilitators')
    .set({ totp_last_step: step })
    .where('id', '=', facilitatorId)
    .where('totp_last_step', '<', step)
    .executeTakeFirst()
  return Number(used.numUpdatedRows) === 1
}

/**
 * Keeps a new (sealed) secret to enrol with; false when two-factor sign-in is on meanwhile,
 * whose secret must never be replaced behind the facilitator's back.
 */
export async function storeTotpSecret(
  data: Data,
  facilitatorId: string,
  sealed: string,
): Promise<boolean> {
  const stored = await data
    .updateTable('facilitators')
    .set({ totp_secret: sealed })
    .where('id', '=', facilitatorId)
    .where('totp_enabled', '=', 0)
    .executeTakeFirst()
  return Number(stored.numUpdatedRows) === 1
}

/**
 * Turns two-factor sign-in on, with its audit entry, if the stored secret is still the one a
 * code was just checked against (`checked`, as stored); false when a new enrolment replaced it.
 */
export async function enableTotp(
  data: Data,
  facilitatorId: string,
  checked: string,
  now: number,
): Promise<boolean> {
  return atomically(data, async (trx) => {
    const enabled = await trx
      .updateTable('facilitators')
      .set({ totp_enabled: 1 })
      .where('id', '=', facilitatorId)
      .where('totp_secret', '=', checked)
      .executeTakeFirst()
    if (Number(enabled.numUpdatedRows) !== 1) return false
    await audit(
      trx,
      { actor: { kind: 'facilitator', id: facilitatorId }, action: 'totp.enabled' },
      now,
    )
    return true
  })
}
