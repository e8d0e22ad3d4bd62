import { describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { openableSheets } from './openableSheets.ts'
import type { SessionWorksheet } from './worksheetSchemas.ts'

const doc = (name: string) => name as DocName
const sheet = (over: Partial<SessionWorksheet>): SessionWorksheet => ({
  id: 'worksheet1',
  title: 'Thought record',
  mode: 'shared',
  homework: false,
  closed: false,
  document: doc('g/x/s/y/shared/worksheet1'),
  sharedWithYou: [],
  yourShares: [],
  ...over,
})

describe('openableSheets', () => {
  it('opens a shared sheet for writing', () => {
    const [only] = openableSheets([sheet({})])
    expect(only).toMatchObject({ label: 'Thought record', readOnly: false, own: false })
  })

  it('after the session, keeps the group’s sheet read only and the own copy writable', () => {
    const [group, own] = openableSheets(
      [sheet({}), sheet({ id: 'w2', mode: 'private', document: doc('g/x/s/y/copy/c1') })],
      { over: true },
    )
    expect(group).toMatchObject({ readOnly: true, own: false })
    expect(own).toMatchObject({ readOnly: false, own: true })
    const [closed] = openableSheets([
      sheet({ mode: 'private', document: doc('g/x/s/y/copy/c1'), closed: true }),
    ])
    expect(closed).toMatchObject({ readOnly: true, own: true })
  })

  it("offers a member their own copy and others' shared copies read-only", () => {
    const sheets = openableSheets([
      sheet({
        mode: 'private',
        document: doc('g/x/s/y/private/worksheet1/m/a'),
        sharedWithYou: [{ name: 'Robin', colour: '#123456', document: doc('g/x/s/y/private/b') }],
      }),
    ])
    expect(sheets.map((s) => [s.label, s.readOnly, s.own])).toEqual([
      ['Thought record (your copy)', false, true],
      ["Thought record (Robin's copy)", true, false],
    ])
  })

  it('offers a facilitator nothing of a private sheet until a member shares it', () => {
    expect(openableSheets([sheet({ mode: 'private', document: null })])).toEqual([])
  })
})
