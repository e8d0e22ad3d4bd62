import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession, aWorksheet } from '../data/test/graphRows.ts'
import {
  fieldSharesOf,
  hasFieldShares,
  ownSharesOf,
  setShare,
  sheetSharesOf,
  type ShareAudience,
} from './worksheetShares.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('a member’s consent to share on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let worksheetId: string
  let memberId: string
  const share = (audience: ShareAudience, fieldId = '', member = memberId) => ({
    worksheetId,
    memberId: member,
    audience,
    fieldId,
  })
  beforeEach(async () => {
    opened = await open()
    const { data } = opened
    const group = await aGroup(data)
    groupId = group.groupId
    const sessionId = await aSession(data, groupId)
    worksheetId = await aWorksheet(data, { groupId, sessionId, createdBy: group.leadId })
    memberId = await aMember(data, groupId, 'Robin')
  })
  afterEach(() => opened.close())

  it('shares a sheet or one answer, and takes it back by its key once', async () => {
    const { data } = opened
    expect(await setShare(data, share('facilitators'), true, AT)).toBeUndefined()
    expect(await setShare(data, share('group', 'f1'), true, AT)).toBeUndefined()
    expect(await hasFieldShares(data, worksheetId, memberId)).toBe(true)
    const [answer] = await fieldSharesOf(data, worksheetId, memberId)
    expect(answer).toEqual({ audience: 'group', field_id: 'f1', share_key: expect.any(String) })
    expect(await ownSharesOf(data, worksheetId, memberId)).toEqual(
      expect.arrayContaining([
        { audience: 'facilitators', fieldId: null },
        { audience: 'group', fieldId: 'f1' },
      ]),
    )
    // Sharing again keeps the key; taking back returns it, and a second time nothing.
    await setShare(data, share('group', 'f1'), true, AT + 1)
    expect(await setShare(data, share('group', 'f1'), false, AT)).toBe(answer!.share_key)
    expect(await setShare(data, share('group', 'f1'), false, AT)).toBeUndefined()
    expect(await hasFieldShares(data, worksheetId, memberId)).toBe(false)
  })

  it('lists whole-sheet shares of active members only, in member id order', async () => {
    const { data } = opened
    const others = [await aMember(data, groupId, 'Sam'), await aMember(data, groupId, 'Kim')]
    await setShare(data, share('group'), true, AT)
    await setShare(data, share('facilitators', '', others[0]), true, AT)
    await setShare(data, share('group', 'f1', others[1]), true, AT)
    await setShare(data, share('facilitators', '', others[1]), true, AT)
    await data
      .updateTable('members')
      .set({ status: 'removed' })
      .where('id', '=', others[1]!)
      .execute()
    const listed = await sheetSharesOf(data, worksheetId)
    expect(listed).toEqual(
      [
        { memberId, pseudonym: 'Robin', colour: '#336699', audience: 'group' },
        { memberId: others[0], pseudonym: 'Sam', colour: '#336699', audience: 'facilitators' },
      ].sort((a, b) => (a.memberId! < b.memberId! ? -1 : 1)),
    )
  })

  it('shares given from several instances at once keep one row and one key', async () => {
    const { data } = opened
    const instances = [data, opened.another(), opened.another()]
    // Connections open before the race: no instance is held back by connecting.
    await Promise.all(
      [...instances, ...instances].map((d) =>
        d.selectFrom('worksheet_shares').select('share_key').execute(),
      ),
    )
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        instances[i % 3]!.transaction().execute((trx) =>
          setShare(trx, share('group', 'f1'), true, AT + i),
        ),
      ),
    )
    const rows = await data.selectFrom('worksheet_shares').select('share_key').execute()
    expect(rows).toHaveLength(1)
    const taken = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        setShare(instances[i % 3]!, share('group', 'f1'), false, AT),
      ),
    )
    // Only the request that removed the row withdraws the answer.
    expect(taken.filter(Boolean)).toEqual([rows[0]!.share_key])
  })
})
