import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { audit, listAudit, verifyAuditChain, type AuditEntry } from './audit.ts'

const entry = (i: number): AuditEntry => ({
  actor: { kind: 'facilitator', id: `f${i}` },
  action: 'member.removed',
  target: { kind: 'member', id: `m${i}` },
  groupId: 'g1',
  detail: { reason: 'test', n: i },
})

describe.each(DIALECTS)('[C17] audit trail on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
    for (let i = 0; i < 5; i++) await audit(opened.data, entry(i), 1_700_000_000_000 + i)
  })
  afterEach(() => opened.close())

  it('verifies when untouched, and lists a group’s entries newest first', async () => {
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: 5 })
    const listed = await listAudit(opened.data, 'g1', 2)
    expect(listed.map((row) => row.seq)).toEqual([5, 4])
    expect(JSON.parse(listed[0]!.detail)).toEqual({ reason: 'test', n: 4 })
  })

  it('refuses updates and deletes at the database', async () => {
    const { data } = opened
    await expect(
      data.updateTable('audit_log').set({ action: 'x' }).where('seq', '=', 2).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(data.deleteFrom('audit_log').where('seq', '=', 2).execute()).rejects.toThrow(
      /append-only/,
    )
  })

  it('an entry is written with its caller’s transaction, or not at all', async () => {
    await expect(
      opened.data.transaction().execute(async (trx) => {
        await audit(trx, entry(9), 1_700_000_001_000)
        throw new Error('what it records failed')
      }),
    ).rejects.toThrow('what it records failed')
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: 5 })
  })

  it('instances appending at once each take their own place in the chain', async () => {
    const others = [opened.data, opened.another(), opened.another()]
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        audit(others[i % 3]!, entry(10 + i), 1_700_000_002_000 + i),
      ),
    )
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: 35 })
  })

  it.each([
    ['an actor', "UPDATE audit_log SET actor_id = 'f9' WHERE seq = 3"],
    ['a time', 'UPDATE audit_log SET at = at + 1 WHERE seq = 3'],
    ['a detail', `UPDATE audit_log SET detail = '{"reason":"x","n":2}' WHERE seq = 3`],
    ['a hash chain re-computed from the middle', "UPDATE audit_log SET hash = 'ab' WHERE seq = 3"],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 3'],
  ])('breaks when someone edits %s behind the triggers', async (_what, tamper) => {
    const { sql } = await import('kysely')
    const { data } = opened
    const dropTriggers =
      DIALECTS[0]!.open === open
        ? 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete'
        : 'DROP TRIGGER audit_log_no_change ON audit_log'
    for (const statement of dropTriggers.split('; ')) await sql.raw(statement).execute(data)
    await sql.raw(tamper).execute(data)
    expect((await verifyAuditChain(data)).ok).toBe(false)
  })
})
