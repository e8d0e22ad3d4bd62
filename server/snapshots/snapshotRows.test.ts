import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aSession, aWorksheet } from '../data/test/graphRows.ts'
import { keepSnapshot, snapshotById, snapshotsOf } from './snapshotRows.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('session snapshots on $name', ({ open }) => {
  let opened: OpenedData
  let sessionId: string
  let first: string
  let second: string
  const snapshot = (id: string, worksheetId: string, doc: string, bytes = [1, 2, 3]) => ({
    id,
    sessionId,
    worksheetId,
    doc,
    data: new Uint8Array(bytes),
  })
  beforeEach(async () => {
    opened = await open()
    const { data } = opened
    const { groupId, leadId } = await aGroup(data)
    sessionId = await aSession(data, groupId, 'ended')
    const at = { groupId, sessionId, createdBy: leadId }
    // Given second, listed second, though its id and names may sort first.
    second = await aWorksheet(data, at, 'private', AT + 1)
    first = await aWorksheet(data, at, 'shared', AT)
  })
  afterEach(() => opened.close())

  it('keeps the first snapshot of a document, and lists them in the sheets’ order', async () => {
    const { data } = opened
    const doc = (sheet: string, rest: string) => `g/x/s/${sessionId}/${rest}/${sheet}`
    expect(await keepSnapshot(data, snapshot('n2', second, doc(second, 'private/m/mb')), AT)).toBe(
      true,
    )
    expect(await keepSnapshot(data, snapshot('n1', second, doc(second, 'private/m/ma')), AT)).toBe(
      true,
    )
    expect(await keepSnapshot(data, snapshot('n0', first, doc(first, 'shared')), AT + 5)).toBe(true)
    const again = snapshot('n3', first, doc(first, 'shared'), [9])
    expect(await keepSnapshot(data, again, AT + 9)).toBe(false)
    expect((await snapshotsOf(data, sessionId)).map((row) => row.id)).toEqual(['n0', 'n1', 'n2'])
    const kept = await snapshotById(data, 'n0')
    expect(kept).toMatchObject({ id: 'n0', sessionId, takenAt: AT + 5, doc: doc(first, 'shared') })
    expect([...kept!.data]).toEqual([1, 2, 3])
    expect(await snapshotById(data, 'n3')).toBeUndefined()
  })

  it('instances ending a session at once keep one snapshot of each document', async () => {
    const { data } = opened
    const instances = [data, opened.another(), opened.another()]
    await Promise.all(
      [...instances, ...instances].map((d) =>
        d.selectFrom('session_snapshots').select('id').execute(),
      ),
    )
    const kept = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        keepSnapshot(instances[i % 3]!, snapshot(`n${i}`, first, 'the/shared/doc', [i]), AT),
      ),
    )
    expect(kept.filter(Boolean)).toHaveLength(1)
    expect(await snapshotsOf(data, sessionId)).toHaveLength(1)
  })
})
