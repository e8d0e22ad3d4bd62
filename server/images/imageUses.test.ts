import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aDeck, aFacilitator, aGroup, anImage, aSession } from '../data/test/graphRows.ts'
import { docsUsingImage, editsDeckUsing } from './imageUses.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('where an image is used, on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  it('names its deck editors, and the session copies and canvases that use it', async () => {
    const { data } = opened
    const { groupId, leadId } = await aGroup(data)
    const sessionId = await aSession(data, groupId)
    const stranger = await aFacilitator(data)
    const deckId = await aDeck(data, leadId)
    const [used, unused] = [await anImage(data), await anImage(data)]
    await data.insertInto('deck_images').values({ deck_id: deckId, hash: used }).execute()
    await data
      .insertInto('handouts')
      .values({
        id: 'handout1',
        session_id: sessionId,
        deck_id: deckId,
        title: 'Deck',
        created_by: leadId,
        created_at: AT,
      })
      .execute()
    await data.insertInto('handout_images').values({ handout_id: 'handout1', hash: used }).execute()
    for (const [key, kind] of [
      ['canvas1', 'layer'],
      ['canvas2', 'sketch'],
    ] as const) {
      await data
        .insertInto('canvas_keys')
        .values({ key, session_id: sessionId, owner_id: leadId, kind, created_at: AT })
        .execute()
      await data.insertInto('canvas_images').values({ key, hash: used, created_at: AT }).execute()
    }

    expect(await editsDeckUsing(data, used, leadId)).toBe(true)
    expect(await editsDeckUsing(data, used, stranger)).toBe(false)
    expect(await editsDeckUsing(data, unused, leadId)).toBe(false)
    expect((await docsUsingImage(data, used)).sort()).toEqual(
      [
        sessionDocName.handout(groupId, sessionId, 'handout1'),
        sessionDocName.canvasLayer(groupId, sessionId, 'canvas1'),
        sessionDocName.sketch(groupId, sessionId, 'canvas2'),
      ].sort(),
    )
    expect(await docsUsingImage(data, unused)).toEqual([])
  })
})
