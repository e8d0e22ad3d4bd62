import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../audit/audit.ts'
import { KeyRing } from '../crypto/keyRing.ts'
import { parseMasterKey } from '../crypto/masterKey.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember } from '../data/test/graphRows.ts'
import {
  currentAgreement,
  currentAgreementVersion,
  groupSettingsOf,
  hasAcceptedCurrent,
} from './groupQueries.ts'
import { publishAgreement } from './publishAgreement.ts'

const AT = 1_700_000_000_000
const keys = new KeyRing(
  join(mkdtempSync(join(tmpdir(), 'hearth-keys-')), 'keys.sqlite'),
  parseMasterKey(randomBytes(32).toString('base64'), 'test'),
  () => AT,
)

describe.each(DIALECTS)('a group’s settings and agreement on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let leadId: string
  beforeEach(async () => {
    opened = await open()
    ;({ groupId, leadId } = await aGroup(opened.data))
  })
  afterEach(() => opened.close())
  const lead = () => ({ kind: 'facilitator' as const, id: leadId })

  it('reads the settings as the API shows them, and null for no group', async () => {
    const { data } = opened
    await data
      .updateTable('groups')
      .set({ anonymous_chat: 1, crisis_region: 'atlantis', video_e2ee: 1 })
      .where('id', '=', groupId)
      .execute()
    expect(await groupSettingsOf(data, groupId)).toEqual({
      name: 'Test group',
      theme: 'anxiety',
      kind: 'support',
      description: '',
      goals: '',
      capacity: 12,
      anonymousChat: true,
      facilitatorsSeeAuthors: false,
      autoAdmit: false,
      chatKept: true,
      // A region no longer shipped: the international resources.
      crisisRegion: 'other',
      videoE2ee: true,
      checkinsNamed: false,
    })
    expect(await groupSettingsOf(data, 'g_none')).toBeNull()
  })

  it('numbers each published agreement and opens the last; acceptance is of the current one', async () => {
    const { data } = opened
    const memberId = await aMember(data, groupId)
    expect(await currentAgreementVersion(data, groupId)).toBe(0)
    expect(await currentAgreement(data, keys, groupId)).toEqual({ version: 0, text: '' })
    expect(await publishAgreement(data, keys, groupId, 'Be kind.', lead(), AT)).toBe(1)
    expect(await publishAgreement(data, keys, groupId, 'Be kind. Be on time.', lead(), AT)).toBe(2)
    expect(await currentAgreement(data, keys, groupId)).toEqual({
      version: 2,
      text: 'Be kind. Be on time.',
    })
    const stored = await data.selectFrom('agreements').select('text').execute()
    expect(stored.map((r) => r.text).join()).not.toContain('Be kind')
    await data
      .insertInto('agreement_acceptances')
      .values({ member_id: memberId, version: 1, accepted_at: AT })
      .execute()
    expect(await hasAcceptedCurrent(data, groupId, memberId)).toBe(false)
    await data
      .insertInto('agreement_acceptances')
      .values({ member_id: memberId, version: 2, accepted_at: AT })
      .execute()
    expect(await hasAcceptedCurrent(data, groupId, memberId)).toBe(true)
    const trail = await data
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .orderBy('seq')
      .execute()
    expect(trail).toEqual([
      { action: 'agreement.published', detail: '{"version":1}' },
      { action: 'agreement.published', detail: '{"version":2}' },
    ])
  })

  it('instances publishing at once each get their own version', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    const versions = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        publishAgreement(instances[i % 3]!, keys, groupId, `v${i}`, lead(), AT + i),
      ),
    )
    expect(versions.sort()).toEqual([1, 2, 3, 4, 5, 6])
    expect(await currentAgreementVersion(opened.data, groupId)).toBe(6)
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: 6 })
  })
})
