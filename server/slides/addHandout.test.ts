import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aDeck, aGroup, anImage, aSession } from '../data/test/graphRows.ts'
import { addHandout } from './addHandout.ts'
import { handoutsOf } from './handoutsOf.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('decks brought into a session on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  it('records the copy with its images and audit entry, listed in the order brought', async () => {
    const { data } = opened
    const { groupId, leadId } = await aGroup(data)
    const sessionId = await aSession(data, groupId)
    const deckId = await aDeck(data, leadId)
    const bare = await aDeck(data, leadId)
    const images = [await anImage(data), await anImage(data)]
    for (const hash of images) {
      await data.insertInto('deck_images').values({ deck_id: deckId, hash }).execute()
    }
    const actor = { kind: 'facilitator' as const, id: leadId }
    await addHandout(
      data,
      { id: 'h_second', sessionId, groupId, deckId, title: 'Two' },
      actor,
      AT + 5,
    )
    await addHandout(
      data,
      { id: 'h_first', sessionId, groupId, deckId: bare, title: 'One' },
      actor,
      AT,
    )

    const copied = await data
      .selectFrom('handout_images')
      .select(['handout_id', 'hash'])
      .orderBy('hash')
      .execute()
    expect(copied).toEqual(images.sort().map((hash) => ({ handout_id: 'h_second', hash })))
    const trail = await data
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'target_id', 'group_id', 'detail'])
      .orderBy('seq')
      .execute()
    expect(trail[0]).toEqual({
      action: 'deck.brought',
      actor_id: leadId,
      target_id: sessionId,
      group_id: groupId,
      detail: JSON.stringify({ deck: deckId, handout: 'h_second' }),
    })
    expect(await handoutsOf(data, groupId, sessionId)).toEqual([
      {
        id: 'h_first',
        title: 'One',
        document: sessionDocName.handout(groupId, sessionId, 'h_first'),
      },
      {
        id: 'h_second',
        title: 'Two',
        document: sessionDocName.handout(groupId, sessionId, 'h_second'),
      },
    ])
  })
})
