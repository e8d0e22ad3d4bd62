import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { copyKeyFor, resolveCopyAlias } from './privateCopies.ts'
import { aGroup, aMember, aSession, aWorksheet } from '../data/test/graphRows.ts'

describe.each(DIALECTS)('private copies on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let sessionId: string
  let worksheetId: string
  let memberId: string
  beforeEach(async () => {
    opened = await open()
    const { data } = opened
    const group = await aGroup(data)
    groupId = group.groupId
    sessionId = await aSession(data, groupId)
    worksheetId = await aWorksheet(data, { groupId, sessionId, createdBy: group.leadId })
    memberId = await aMember(data, groupId)
  })
  afterEach(() => opened.close())

  it('makes a copy key on first use and keeps it, one per member', async () => {
    const { data } = opened
    const key = await copyKeyFor(data, worksheetId, memberId)
    expect(key).toMatch(/^c[a-z2-7]{20}$/)
    expect(await copyKeyFor(data, worksheetId, memberId)).toBe(key)
    const other = await copyKeyFor(data, worksheetId, await aMember(data, groupId))
    expect(other).not.toBe(key)
  })

  it('first uses from several instances at once make one copy key', async () => {
    const { data } = opened
    const instances = [data, opened.another(), opened.another()]
    // Connections open before the race: no instance is held back by connecting.
    await Promise.all(
      [...instances, ...instances].map((d) =>
        d.selectFrom('private_copies').select('copy_key').execute(),
      ),
    )
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => copyKeyFor(instances[i % 3]!, worksheetId, memberId)),
    )
    expect(new Set(made).size).toBe(1)
    const rows = await data.selectFrom('private_copies').select('copy_key').execute()
    expect(rows).toEqual([{ copy_key: made[0] }])
  })

  it('resolves an alias to the stored name, within its own session only', async () => {
    const { data } = opened
    const key = await copyKeyFor(data, worksheetId, memberId)
    const alias = sessionDocName.copy(groupId, sessionId, key) as DocName
    expect(await resolveCopyAlias(data, alias)).toBe(
      sessionDocName.private(groupId, sessionId, worksheetId, memberId),
    )
    const elsewhere = sessionDocName.copy(groupId, await aSession(data, groupId), key) as DocName
    expect(await resolveCopyAlias(data, elsewhere)).toBeNull()
    const unknown = sessionDocName.copy(groupId, sessionId, `c${'a'.repeat(20)}`) as DocName
    expect(await resolveCopyAlias(data, unknown)).toBeNull()
    const shared = sessionDocName.shared(groupId, sessionId, worksheetId) as DocName
    expect(await resolveCopyAlias(data, shared)).toBe(shared)
  })
})
