import { describe, expect, it } from 'vitest'
import type { AuditEntry } from './auditSchemas.ts'
import { describeAudit } from './describeAudit.ts'

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  at: 0,
  actor_kind: 'facilitator',
  actor_id: 'f1',
  action: 'session.admitted',
  target_kind: 'member',
  target_id: 'm1',
  detail: '{}',
  ...over,
})
const names = new Map([
  ['f1', 'Dr Morgan'],
  ['m1', 'Robin'],
  ['s1', 'Week 1'],
])

describe('describeAudit', () => {
  it('names the actor and the target by what people call them', () => {
    expect(describeAudit(entry({}), names)).toEqual({
      actor: 'Dr Morgan',
      action: 'Admitted to a session',
      target: 'Robin',
    })
  })

  it('adds the detail that matters for the action', () => {
    const changed = entry({
      action: 'session.status-changed',
      target_kind: 'session',
      target_id: 's1',
      detail: '{"from":"open","to":"live"}',
    })
    expect(describeAudit(changed, names).target).toBe('Week 1 · open → live')
    const accepted = entry({
      actor_kind: 'member',
      actor_id: 'm1',
      action: 'agreement.accepted',
      target_kind: null,
      target_id: null,
      detail: '{"version":2}',
    })
    expect(describeAudit(accepted, names)).toEqual({
      actor: 'Robin',
      action: 'Agreement accepted',
      target: 'version 2',
    })
  })

  it('says a group was deleted, with no more than who did it', () => {
    const erased = entry({
      action: 'group.erased',
      target_kind: 'group',
      target_id: 'g1',
      detail: '{"members":3,"sessions":1,"documents":7}',
    })
    expect(describeAudit(erased, names)).toEqual({
      actor: 'Dr Morgan',
      action: 'Deleted the group and everything in it, for good',
      target: 'The group',
    })
  })

  it('falls back gently for unknown people and actions', () => {
    const line = describeAudit(
      entry({ actor_kind: 'anonymous', actor_id: null, action: 'new.thing', target_id: 'm9' }),
      names,
    )
    expect(line).toEqual({
      actor: 'Someone not signed in',
      action: 'new.thing',
      target: 'A member',
    })
    expect(describeAudit(entry({ detail: 'not json' }), names).target).toBe('Robin')
  })
})
