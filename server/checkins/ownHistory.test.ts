import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FacilitatorPrincipal, MemberPrincipal } from '../auth/Principal.ts'
import { KeyRing } from '../crypto/keyRing.ts'
import { parseMasterKey } from '../crypto/masterKey.ts'
import { checkinWord, groupScope, rowIdOf } from '../crypto/sealedColumns.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { answerMeasure, sendMeasure } from '../measures/measureRecord.ts'
import { sealResult } from '../measures/storedResults.ts'
import { answerCheckin, openCheckin } from './checkinRecord.ts'
import { ownCheckins, ownMeasures } from './ownHistory.ts'

const AT = 1_700_000_000_000
const keys = new KeyRing(
  join(mkdtempSync(join(tmpdir(), 'hearth-keys-')), 'keys.sqlite'),
  parseMasterKey(randomBytes(32).toString('base64'), 'test'),
  () => AT,
)

describe.each(DIALECTS)('a member’s own history on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  /** A group with a session, a member, and `mood` answered to a check-in and PHQ-9 score. */
  const answered = async (groupId: string, memberId: string, mood: number, at: number) => {
    const { data } = opened
    const sessionId = await aSession(data, groupId)
    const lead = { kind: 'facilitator', id: 'f' } as FacilitatorPrincipal
    const checkinId = `k${randomBytes(4).toString('hex')}`
    const common = { sessionId, groupId, by: lead }
    await openCheckin(
      data,
      { ...common, id: checkinId, kind: 'both', moment: 'end', named: false },
      at,
    )
    const word = await checkinWord.seal(
      keys,
      groupScope(groupId),
      rowIdOf(checkinId, memberId),
      `w${mood}`,
    )
    await answerCheckin(data, { checkinId, sessionId, memberId, mood, word }, at)
    const requestId = `r${randomBytes(4).toString('hex')}`
    await sendMeasure(data, { ...common, id: requestId, measure: 'phq9' }, at)
    const stored = await sealResult(
      keys,
      groupId,
      { requestId, memberId },
      { score: mood, band: 'Mild' },
    )
    const member = { kind: 'member', id: memberId, groupId } as MemberPrincipal
    const answer = { requestId, measure: 'phq9' as const, sessionId, groupId, member }
    await answerMeasure(data, { ...answer, answers: 'sealed', ...stored }, at)
  }

  it('opens their check-ins and scores in their group, oldest first, and no one else’s', async () => {
    const { data } = opened
    const { groupId } = await aGroup(data)
    const [robin, sky] = [await aMember(data, groupId), await aMember(data, groupId)]
    const other = (await aGroup(data)).groupId
    await answered(groupId, robin, 7, AT + 20)
    await answered(groupId, robin, 3, AT + 10)
    await answered(groupId, sky, 5, AT + 15)
    await answered(other, robin, 9, AT + 5)

    expect(await ownCheckins(data, keys, robin, groupId)).toEqual([
      {
        sessionTitle: 'Session',
        startsAt: AT,
        moment: 'end',
        mood: 3,
        word: 'w3',
        answeredAt: AT + 10,
      },
      {
        sessionTitle: 'Session',
        startsAt: AT,
        moment: 'end',
        mood: 7,
        word: 'w7',
        answeredAt: AT + 20,
      },
    ])
    const measures = await ownMeasures(data, keys, robin, groupId)
    expect(measures).toEqual([
      {
        measure: 'phq9',
        sessionTitle: 'Session',
        startsAt: AT,
        answeredAt: AT + 10,
        score: 3,
        band: 'Mild',
      },
      {
        measure: 'phq9',
        sessionTitle: 'Session',
        startsAt: AT,
        answeredAt: AT + 20,
        score: 7,
        band: 'Mild',
      },
    ])
    expect(await ownCheckins(data, keys, robin, (await aGroup(data)).groupId)).toEqual([])
  })
})
