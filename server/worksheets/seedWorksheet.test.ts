import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { KeyRing } from '../crypto/keyRing.ts'
import { parseMasterKey } from '../crypto/masterKey.ts'
import { groupScope, worksheetContent } from '../crypto/sealedColumns.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { worksheetSeeder } from './seedWorksheet.ts'
import { aGroup, aMember, aSession, aWorksheet } from '../data/test/graphRows.ts'
import { worksheetUpdate } from './worksheetUpdate.ts'

const AT = 1_700_000_000_000
const keys = new KeyRing(
  join(mkdtempSync(join(tmpdir(), 'hearth-keys-')), 'keys.sqlite'),
  parseMasterKey(randomBytes(32).toString('base64'), 'test'),
  () => AT,
)
const content = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'What helped this week?' }] }],
}

describe.each(DIALECTS)('seeding worksheets on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  it('seeds a sheet and a member’s copy from the content fixed when it was given', async () => {
    const { data } = opened
    const { groupId, leadId } = await aGroup(data)
    const sessionId = await aSession(data, groupId)
    const memberId = await aMember(data, groupId)
    const at = { groupId, sessionId, createdBy: leadId }
    const [shared, own] = [await aWorksheet(data, at, 'shared'), await aWorksheet(data, at)]
    for (const id of [shared, own]) {
      const sealed = await worksheetContent.seal(
        keys,
        groupScope(groupId),
        id,
        JSON.stringify(content),
      )
      await data.updateTable('worksheets').set({ content: sealed }).where('id', '=', id).execute()
    }
    const seed = worksheetSeeder(() => Promise.resolve(data), keys)
    const expected = [...worksheetUpdate(content)]
    const seeded = async (name: string) => {
      const update = await seed(name)
      return update && [...update]
    }
    expect(await seeded(sessionDocName.shared(groupId, sessionId, shared))).toEqual(expected)
    expect(await seeded(sessionDocName.private(groupId, sessionId, own, memberId))).toEqual(
      expected,
    )
    // The wrong mode, another session, a name that holds no sheet: empty.
    expect(await seed(sessionDocName.shared(groupId, sessionId, own))).toBeNull()
    expect(await seed(sessionDocName.private(groupId, sessionId, shared, memberId))).toBeNull()
    const other = await aSession(data, groupId)
    expect(await seed(sessionDocName.shared(groupId, other, shared))).toBeNull()
    expect(await seed(sessionDocName.room(groupId, sessionId))).toBeNull()
  })
})
