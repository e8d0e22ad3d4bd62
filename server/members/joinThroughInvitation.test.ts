import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashToken } from '../auth/logins.ts'
import { verifyAuditChain } from '../audit/audit.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember } from '../data/test/graphRows.ts'
import { joinThroughInvitation, type Joining } from './joinThroughInvitation.ts'
import { usableInvitation } from './usableInvitation.ts'

const NOW = 1_700_000_000_000
const HOUR = 3_600_000

/** An invitation to `groupId` (as its lead made it); returns its token. */
async function anInvitation(
  data: Data,
  groupId: string,
  leadId: string,
  over: { maxUses?: number; memberId?: string; expiresAt?: number; revokedAt?: number } = {},
): Promise<string> {
  const token = `token-${Math.random().toString(36).slice(2)}`
  await data
    .insertInto('invitations')
    .values({
      id: `i_${token}`,
      group_id: groupId,
      token_hash: hashToken(token),
      max_uses: over.maxUses ?? 1,
      expires_at: over.expiresAt ?? NOW + HOUR,
      revoked_at: over.revokedAt ?? null,
      created_by: leadId,
      created_at: NOW,
      member_id: over.memberId ?? null,
    })
    .execute()
  return token
}

const joining = (token: string, pseudonym: string): Joining => ({
  token,
  pseudonym,
  agreementVersion: 1,
  passphraseHash: 'scrypt$not-a-real-hash',
})

describe.each(DIALECTS)('joining through an invitation on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let leadId: string
  beforeEach(async () => {
    opened = await open()
    ;({ groupId, leadId } = await aGroup(opened.data))
    await opened.data
      .insertInto('agreements')
      .values({ group_id: groupId, version: 1, text: 'sealed', created_at: NOW })
      .execute()
  })
  afterEach(() => opened.close())

  const activeMembers = async () =>
    (
      await opened.data
        .selectFrom('members')
        .select('pseudonym')
        .where('group_id', '=', groupId)
        .where('status', '=', 'active')
        .execute()
    ).map((m) => m.pseudonym)
  const setCapacity = (capacity: number) =>
    opened.data.updateTable('groups').set({ capacity }).where('id', '=', groupId).execute()

  it('a new member joins under their pseudonym, accepting the agreement', async () => {
    const { data } = opened
    const token = await anInvitation(data, groupId, leadId, { maxUses: 2 })
    const id = await joinThroughInvitation(data, joining(token, '  Robin  '), NOW)
    const member = await data.selectFrom('members').selectAll().where('id', '=', id).execute()
    expect(member).toEqual([
      expect.objectContaining({
        group_id: groupId,
        pseudonym: 'Robin',
        pseudonym_key: 'robin',
        passphrase_hash: 'scrypt$not-a-real-hash',
        status: 'active',
        created_at: NOW,
      }),
    ])
    expect((await usableInvitation(data, token, NOW)).uses).toBe(1)
    const accepted = await data.selectFrom('agreement_acceptances').selectAll().execute()
    expect(accepted).toEqual([{ member_id: id, version: 1, accepted_at: NOW }])
    const trail = await data.selectFrom('audit_log').select('action').orderBy('seq').execute()
    expect(trail.map((e) => e.action)).toEqual(['member.joined', 'agreement.accepted'])
  })

  it('refuses what cannot be used, with its reason, and keeps nothing of the attempt', async () => {
    const { data } = opened
    const refusal = (status: number, cause: string) => expect.objectContaining({ status, cause })
    await expect(usableInvitation(data, 'nothing', NOW)).rejects.toEqual(refusal(404, 'unknown'))
    const revoked = await anInvitation(data, groupId, leadId, { revokedAt: NOW })
    await expect(usableInvitation(data, revoked, NOW)).rejects.toEqual(refusal(410, 'revoked'))
    const old = await anInvitation(data, groupId, leadId, { expiresAt: NOW })
    await expect(usableInvitation(data, old, NOW)).rejects.toEqual(refusal(410, 'expired'))
    const once = await anInvitation(data, groupId, leadId)
    await joinThroughInvitation(data, joining(once, 'Robin'), NOW)
    await expect(joinThroughInvitation(data, joining(once, 'Sky'), NOW)).rejects.toEqual(
      refusal(410, 'used'),
    )
    await setCapacity(1)
    const more = await anInvitation(data, groupId, leadId, { maxUses: 5 })
    await expect(joinThroughInvitation(data, joining(more, 'Sky'), NOW)).rejects.toEqual(
      refusal(409, 'full'),
    )
    await setCapacity(10)
    await expect(
      joinThroughInvitation(data, { ...joining(more, 'Sky'), agreementVersion: 2 }, NOW),
    ).rejects.toMatchObject({ status: 409 })
    for (const [name, status] of [
      ['ROBIN ', 409],
      ['R0bin', 409],
      ['Dr Test', 409],
      ['Sky · Facilitator', 409],
      ['!!!', 400],
    ] as const) {
      await expect(joinThroughInvitation(data, joining(more, name), NOW)).rejects.toMatchObject({
        status,
      })
    }
    expect(await activeMembers()).toEqual(['Robin'])
    expect((await usableInvitation(data, more, NOW)).uses).toBe(0)
    expect(await verifyAuditChain(data)).toEqual({ ok: true, rows: 2 })
  })

  it('a re-issued link restores its member with a new passphrase, even in a full group', async () => {
    const { data } = opened
    const memberId = await aMember(data, groupId, 'Robin')
    await setCapacity(1)
    const token = await anInvitation(data, groupId, leadId, { memberId })
    const restored = await joinThroughInvitation(
      data,
      { ...joining(token, 'ignored'), passphraseHash: 'scrypt$new' },
      NOW,
    )
    expect(restored).toBe(memberId)
    expect(await activeMembers()).toEqual(['Robin'])
    const row = await data
      .selectFrom('members')
      .select('passphrase_hash')
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow()
    expect(row.passphrase_hash).toBe('scrypt$new')
    const trail = await data.selectFrom('audit_log').select('action').orderBy('seq').execute()
    expect(trail.map((e) => e.action)).toEqual(['member.access-restored', 'agreement.accepted'])
  })

  describe('people joining at once, on several instances', () => {
    const instances = () => [opened.data, opened.another(), opened.another()]
    const settle = async (joins: Promise<string>[]) => {
      const settled = await Promise.allSettled(joins)
      const causes = settled.flatMap((s) =>
        s.status === 'rejected' ? [(s.reason as { cause?: unknown }).cause ?? s.reason] : [],
      )
      return { joined: settled.filter((s) => s.status === 'fulfilled').length, causes }
    }

    it('use an invitation no more often than it allows', async () => {
      const token = await anInvitation(opened.data, groupId, leadId, { maxUses: 3 })
      const all = instances()
      const { joined, causes } = await settle(
        Array.from({ length: 9 }, (_, i) =>
          joinThroughInvitation(all[i % 3]!, joining(token, `Person ${'abcdefghi'[i]}`), NOW),
        ),
      )
      expect(joined).toBe(3)
      expect(new Set(causes)).toEqual(new Set(['used']))
      expect(await activeMembers()).toHaveLength(3)
      const uses = await opened.data
        .selectFrom('invitations')
        .select('uses')
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirstOrThrow()
      expect(uses.uses).toBe(3)
      expect((await verifyAuditChain(opened.data)).ok).toBe(true)
    })

    it('take no more places than the group has', async () => {
      await setCapacity(2)
      const tokens = [
        await anInvitation(opened.data, groupId, leadId, { maxUses: 5 }),
        await anInvitation(opened.data, groupId, leadId, { maxUses: 5 }),
      ]
      const all = instances()
      const { joined, causes } = await settle(
        Array.from({ length: 6 }, (_, i) =>
          joinThroughInvitation(all[i % 3]!, joining(tokens[i % 2]!, `Person ${'abcdef'[i]}`), NOW),
        ),
      )
      expect(joined).toBe(2)
      expect(new Set(causes)).toEqual(new Set(['full']))
      expect(await activeMembers()).toHaveLength(2)
    })

    it('cannot both take names that look alike', async () => {
      const token = await anInvitation(opened.data, groupId, leadId, { maxUses: 9 })
      const all = instances()
      // "Wren" in Latin letters, with a Cyrillic е, spaced out, hyphenated, accented.
      const { joined } = await settle(
        ['Wren', 'Wr\u0435n', 'W r e n', 'W-ren', 'Wr\u00e9n', 'Wr e n'].map((name, i) =>
          joinThroughInvitation(all[i % 3]!, joining(token, name), NOW),
        ),
      )
      expect(joined).toBe(1)
      expect(await activeMembers()).toHaveLength(1)
    })
  })
})
