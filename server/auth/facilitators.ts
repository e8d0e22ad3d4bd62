import type { Db } from '../db/openDatabase.ts'
import { newId } from '../db/newId.ts'
import { appendAudit } from '../audit/audit.ts'
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
 * same transaction as the insert, after the (slow, possibly refused) hash: a one-time set-up
 * link is used up only by an account that is really created.
 */
export async function createFacilitator(
  db: Db,
  input: NewFacilitator,
  actor: { kind: 'system' | 'facilitator'; id: string | null },
  now: number,
  claim: () => boolean = () => true,
): Promise<CreateFacilitatorResult> {
  const problem = await passwordProblem(input.password)
  if (problem) return { ok: false, error: 'weak-password', message: PASSWORD_PROBLEM_TEXT[problem] }
  const email = normaliseEmail(input.email)
  const hash = await hashSecret(input.password)
  const id = newId('facilitator')
  return db.transaction(() => {
    const taken = db.sql.prepare('SELECT 1 FROM facilitators WHERE email = ?').get(email)
    if (taken)
      return { ok: false, error: 'email-taken', message: 'That email already has an account.' }
    if (!claim()) return { ok: false, error: 'not-claimed', message: 'The link is used.' }
    db.sql
      .prepare(
        `INSERT INTO facilitators (id, email, display_name, password_hash, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(id, email, input.displayName.trim(), hash, now)
    appendAudit(
      db,
      { actor, action: 'facilitator.created', target: { kind: 'facilitator', id } },
      now,
    )
    return { ok: true, id }
  })
}

export function facilitatorCount(db: Db): number {
  return (db.sql.prepare('SELECT COUNT(*) AS n FROM facilitators').get() as { n: number }).n
}
