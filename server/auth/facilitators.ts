import { audit } from '../audit/audit.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'
import { hashSecret, passwordProblem, PASSWORD_PROBLEM_TEXT } from './passwords.ts'

export interface NewFacilitator {
  email: string
  displayName: string
  password: string
}

export type CreateFacilitatorResult =
  | { ok: true; id: string }
  | { ok: false; error: 'weak-password' | 'email-taken' | 'not-claimed'; message: string }

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

/**
 * Creates a facilitator account after checking the password policy (C15). `claim` runs in the
 * same transaction as the insert (with the `trx` it is given), after the (slow, possibly
 * refused) hash: a one-time set-up link is used up only by an account that is really created.
 */
export async function createFacilitator(
  data: Data,
  input: NewFacilitator,
  actor: { kind: 'system' | 'facilitator'; id: string | null },
  now: number,
  claim: (trx: Data) => Promise<boolean> = () => Promise.resolve(true),
): Promise<CreateFacilitatorResult> {
  const problem = await passwordProblem(input.password)
  if (problem) return { ok: false, error: 'weak-password', message: PASSWORD_PROBLEM_TEXT[problem] }
  const email = normaliseEmail(input.email)
  const hash = await hashSecret(input.password)
  const id = newId('facilitator')
  return atomically(data, async (trx): Promise<CreateFacilitatorResult> => {
    // Instances creating the same address at once take turns: the second then finds it taken,
    // instead of failing on the unique key after its claim.
    if (onPostgres(trx)) await advisoryLock(trx, `facilitator email:${email}`)
    const taken = await trx
      .selectFrom('facilitators')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst()
    if (taken)
      return { ok: false, error: 'email-taken', message: 'That email already has an account.' }
    if (!(await claim(trx)))
      return { ok: false, error: 'not-claimed', message: 'The link is used.' }
    await trx
      .insertInto('facilitators')
      .values({
        id,
        email,
        display_name: input.displayName.trim(),
        password_hash: hash,
        created_at: now,
      })
      .execute()
    await audit(
      trx,
      { actor, action: 'facilitator.created', target: { kind: 'facilitator', id } },
      now,
    )
    return { ok: true, id }
  })
}

export async function countFacilitators(data: Data): Promise<number> {
  const { n } = await data
    .selectFrom('facilitators')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}
