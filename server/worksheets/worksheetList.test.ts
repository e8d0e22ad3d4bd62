import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession, aWorksheet } from '../data/test/graphRows.ts'
import { copyKeyFor } from './privateCopies.ts'
import { worksheetList } from './worksheetList.ts'
import { setShare } from './worksheetShares.ts'

const AT = 1_700_000_000_000

/**
 * A session with the group's sheet and a private one, given in that order; Robin shares their
 * copy with the group and one answer with the facilitators, Sam shares theirs with the
 * facilitators and deleted a copy of a second private sheet.
 */
async function world(data: Data) {
  const { groupId, leadId } = await aGroup(data)
  const sessionId = await aSession(data, groupId)
  const at = { groupId, sessionId, createdBy: leadId }
  const shared = await aWorksheet(data, at, 'shared', AT)
  const mine = await aWorksheet(data, at, 'private', AT + 1)
  const gone = await aWorksheet(data, at, 'private', AT + 2)
  const [robin, sam] = [await aMember(data, groupId, 'Robin'), await aMember(data, groupId, 'Sam')]
  const share = (memberId: string, audience: 'group' | 'facilitators', fieldId = '') =>
    setShare(data, { worksheetId: mine, memberId, audience, fieldId }, true, AT)
  await share(robin, 'group')
  await share(robin, 'facilitators', 'f1')
  await share(sam, 'facilitators')
  await data
    .insertInto('deleted_copies')
    .values({ worksheet_id: gone, member_id: sam, deleted_at: AT })
    .execute()
  return { groupId, leadId, sessionId, shared, mine, gone, robin, sam }
}

describe.each(DIALECTS)('a session’s worksheet list on $name', ({ open }) => {
  let opened: OpenedData
  let w: Awaited<ReturnType<typeof world>>
  beforeEach(async () => {
    opened = await open()
    w = await world(opened.data)
  })
  afterEach(() => opened.close())

  const copy = async (worksheetId: string, memberId: string) =>
    sessionDocName.copy(
      w.groupId,
      w.sessionId,
      await copyKeyFor(opened.data, worksheetId, memberId),
    )

  it('shows facilitators the copies shared with them, by pseudonym, and their answers', async () => {
    const list = await worksheetList(
      opened.data,
      { kind: 'facilitator', id: w.leadId },
      w.groupId,
      w.sessionId,
      AT,
    )
    expect(list.map((sheet) => sheet.id)).toEqual([w.shared, w.mine, w.gone])
    expect(list[0]).toEqual({
      id: w.shared,
      title: expect.any(String),
      mode: 'shared',
      homework: false,
      closed: false,
      document: sessionDocName.shared(w.groupId, w.sessionId, w.shared),
    })
    expect(list[1]).toMatchObject({
      document: null,
      sharedWithYou: [{ name: 'Sam', colour: '#336699', document: await copy(w.mine, w.sam) }],
      yourShares: [],
      answers: sessionDocName.answers(w.groupId, w.sessionId, w.mine, 'facilitators'),
    })
  })

  it('shows a member their own copy and what others shared with the group, not deleted copies', async () => {
    const { data } = opened
    const list = await worksheetList(
      data,
      { kind: 'member', id: w.sam },
      w.groupId,
      w.sessionId,
      AT,
    )
    expect(list.map((sheet) => sheet.id)).toEqual([w.shared, w.mine])
    expect(list[1]).toMatchObject({
      document: await copy(w.mine, w.sam),
      sharedWithYou: [{ name: 'Robin', document: await copy(w.mine, w.robin) }],
      yourShares: [{ audience: 'facilitators', fieldId: null }],
      answers: sessionDocName.answers(w.groupId, w.sessionId, w.mine, 'group'),
    })
    const robins = await worksheetList(
      data,
      { kind: 'member', id: w.robin },
      w.groupId,
      w.sessionId,
      AT,
    )
    expect(robins[1]).toMatchObject({ sharedWithYou: [] })
    expect(robins.find((sheet) => sheet.id === w.gone)?.document).toBe(await copy(w.gone, w.robin))
  })

  it('after the session, shows a member only what was released', async () => {
    const { data } = opened
    await data
      .updateTable('sessions')
      .set({ status: 'ended', ended_at: AT, withheld: '["worksheets","answers"]' })
      .where('id', '=', w.sessionId)
      .execute()
    const list = await worksheetList(
      data,
      { kind: 'member', id: w.sam },
      w.groupId,
      w.sessionId,
      AT,
    )
    expect(list.map((sheet) => sheet.id)).toEqual([w.mine])
    expect(list[0]).toMatchObject({ sharedWithYou: [] })
    expect(list[0]).not.toHaveProperty('answers')
  })
  it('keeps sheets made in the same millisecond in one order, whichever row changed last', async () => {
    const { data } = opened
    const at = { groupId: w.groupId, sessionId: w.sessionId, createdBy: w.leadId }
    // A template set brought in at once: one clock reading for all five.
    const same: string[] = []
    for (let i = 0; i < 5; i++) same.push(await aWorksheet(data, at, 'shared', AT + 10))
    const order = async () =>
      (await worksheetList(data, { kind: 'facilitator', id: w.leadId }, w.groupId, w.sessionId, AT))
        .map((sheet) => sheet.id)
        .filter((id) => same.includes(id))
    const before = await order()
    // An update moves a row on PostgreSQL (a new tuple): an order left to storage would follow it.
    for (const id of [...same].reverse()) {
      await data
        .updateTable('worksheets')
        .set({ closed_at: AT + 20 })
        .where('id', '=', id)
        .execute()
    }
    expect(await order()).toEqual(before)
    expect(before).toEqual([...same].sort())
  })
})
