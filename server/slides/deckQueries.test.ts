import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aFacilitator, aGroup } from '../data/test/graphRows.ts'
import { warmInstances } from '../video/test/warmInstances.ts'
import {
  colleaguesOf,
  createDeck,
  decksOf,
  editableDeck,
  isDeckEditor,
  shareDeck,
} from './deckQueries.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('decks on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  const named = async (name: string) => {
    const id = await aFacilitator(opened.data)
    await opened.data
      .updateTable('facilitators')
      .set({ display_name: name })
      .where('id', '=', id)
      .execute()
    return id
  }
  const auditActions = async () =>
    (await opened.data.selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
      (r) => r.action,
    )

  it('colleagues: everyone in a group with me, once each, by name as SQLite orders them', async () => {
    const { data } = opened
    const me = await named('me')
    const [zoe, bea, alf, stranger] = [
      await named('zoe'),
      await named('Bea'),
      await named('alf'),
      await named('stranger'),
    ]
    const one = (await aGroup(data, me)).groupId
    const two = (await aGroup(data, me)).groupId
    for (const [groupId, facilitatorId] of [
      [one, zoe],
      [one, bea],
      [two, bea],
      [two, alf],
    ] as const) {
      await data
        .insertInto('group_facilitators')
        .values({ group_id: groupId, facilitator_id: facilitatorId, role: 'co' })
        .execute()
    }
    await aGroup(data, stranger)
    expect(await colleaguesOf(data, me)).toEqual([
      { id: bea, name: 'Bea' },
      { id: alf, name: 'alf' },
      { id: zoe, name: 'zoe' },
    ])
  })

  it('a new deck is its owner’s to edit, audited; shared once with a colleague', async () => {
    const { data } = opened
    const owner = await named('Owner')
    const colleague = await named('Colleague')
    await createDeck(
      data,
      { id: 'deck_old', ownerId: owner, title: 'Older' },
      { kind: 'facilitator', id: owner },
      AT,
    )
    await createDeck(
      data,
      { id: 'deck_new', ownerId: owner, title: 'Newer' },
      { kind: 'facilitator', id: owner },
      AT + 1,
    )
    await createDeck(
      data,
      { id: 'deck_theirs', ownerId: colleague, title: 'Theirs' },
      { kind: 'facilitator', id: colleague },
      AT + 2,
    )
    expect(await isDeckEditor(data, 'deck_old', owner)).toBe(true)
    expect(await isDeckEditor(data, 'deck_old', colleague)).toBe(false)
    expect(await editableDeck(data, 'deck_old', owner)).toEqual({ id: 'deck_old', title: 'Older' })
    expect(await editableDeck(data, 'deck_old', colleague)).toBeUndefined()

    const instances = await warmInstances(opened, 4)
    const shared = await Promise.all(
      instances.map((d, i) =>
        shareDeck(d, 'deck_theirs', owner, { kind: 'facilitator', id: colleague }, AT + 10 + i),
      ),
    )
    expect(shared.filter(Boolean)).toHaveLength(1)
    expect(await auditActions()).toEqual([
      'deck.created',
      'deck.created',
      'deck.created',
      'deck.shared',
    ])

    expect(await decksOf(data, owner)).toEqual([
      {
        id: 'deck_theirs',
        title: 'Theirs',
        mine: false,
        createdAt: AT + 2,
        editors: [
          { id: colleague, name: 'Colleague' },
          { id: owner, name: 'Owner' },
        ],
      },
      {
        id: 'deck_new',
        title: 'Newer',
        mine: true,
        createdAt: AT + 1,
        editors: [{ id: owner, name: 'Owner' }],
      },
      {
        id: 'deck_old',
        title: 'Older',
        mine: true,
        createdAt: AT,
        editors: [{ id: owner, name: 'Owner' }],
      },
    ])
    expect(await decksOf(data, await named('nobody'))).toEqual([])
  })
})
