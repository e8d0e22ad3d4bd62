import { describe, expect, it } from 'vitest'
import { openDatabase } from '../db/openDatabase.ts'
import { appendAudit, verifyAuditChain } from './audit.ts'

function trail() {
  const db = openDatabase(':memory:')
  for (let i = 0; i < 5; i++) {
    appendAudit(
      db,
      {
        actor: { kind: 'facilitator', id: `f${i}` },
        action: 'member.removed',
        target: { kind: 'member', id: `m${i}` },
        groupId: 'g1',
        detail: { reason: 'test', n: i },
      },
      1_700_000_000_000 + i,
    )
  }
  return db
}

describe('[C17] audit trail', () => {
  it('verifies when untouched', () => {
    expect(verifyAuditChain(trail())).toEqual({ ok: true, rows: 5 })
  })

  it('refuses updates and deletes at the database', () => {
    const db = trail()
    expect(() => db.sql.exec("UPDATE audit_log SET action = 'x' WHERE seq = 2")).toThrow(
      /append-only/,
    )
    expect(() => db.sql.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/)
  })

  it.each([
    ['an actor', "UPDATE audit_log SET actor_id = 'f9' WHERE seq = 3"],
    ['a time', 'UPDATE audit_log SET at = at + 1 WHERE seq = 3'],
    ['a detail', `UPDATE audit_log SET detail = '{"reason":"x","n":2}' WHERE seq = 3`],
    ['a hash chain re-computed from the middle', "UPDATE audit_log SET hash = 'ab' WHERE seq = 3"],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 3'],
  ])('breaks when someone edits %s behind the triggers', (_what, tamper) => {
    const db = trail()
    db.sql.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
    db.sql.exec(tamper)
    const result = verifyAuditChain(db)
    expect(result.ok).toBe(false)
  })
})
