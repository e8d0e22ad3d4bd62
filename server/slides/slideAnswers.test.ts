import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aDeck, aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { answerCount, answersTo, resultsShown, saveAnswer, showResults } from './slideAnswers.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('answers to response slides on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let sessionId: string
  let leadId: string
  const slide = { handoutId: 'h1', slideId: 'slide0001' }
  beforeEach(async () => {
    opened = await open()
    const { data } = opened
    ;({ groupId, leadId } = await aGroup(data))
    sessionId = await aSession(data, groupId)
    await data
      .insertInto('handouts')
      .values({
        id: 'h1',
        session_id: sessionId,
        deck_id: await aDeck(data, leadId),
        title: 'Deck',
        created_by: leadId,
        created_at: AT,
      })
      .execute()
  })
  afterEach(() => opened.close())

  it('one answer per member, the latest standing; counted per slide', async () => {
    const { data } = opened
    const [ana, ben] = [await aMember(data, groupId), await aMember(data, groupId)]
    await saveAnswer(data, slide, ana, 'yes', AT)
    await saveAnswer(data, slide, ben, 'no', AT + 1)
    await saveAnswer(data, slide, ana, 'maybe', AT + 2)
    await saveAnswer(data, { ...slide, slideId: 'slide0002' }, ana, 'other', AT + 3)
    const answers = await answersTo(data, slide)
    expect(answers.sort((a, b) => a.value.localeCompare(b.value))).toEqual([
      { member_id: ana, value: 'maybe' },
      { member_id: ben, value: 'no' },
    ])
    const row = await data
      .selectFrom('slide_responses')
      .select('answered_at')
      .where('member_id', '=', ana)
      .where('slide_id', '=', slide.slideId)
      .executeTakeFirstOrThrow()
    expect(row.answered_at).toBe(AT + 2)
    expect(await answerCount(data, slide)).toBe(2)
    expect(await answerCount(data, { ...slide, slideId: 'slide0009' })).toBe(0)
  })

  it('shown and hidden by the facilitators, each audited', async () => {
    const { data } = opened
    const actor = { kind: 'facilitator' as const, id: leadId }
    const where = { ...slide, sessionId, groupId }
    expect(await resultsShown(data, slide)).toBe(false)
    await showResults(data, where, true, actor, AT)
    await showResults(data, where, true, actor, AT + 1)
    expect(await resultsShown(data, slide)).toBe(true)
    await showResults(data, where, false, actor, AT + 2)
    expect(await resultsShown(data, slide)).toBe(false)
    const trail = await data
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .orderBy('seq')
      .execute()
    expect(trail.map((r) => [r.action, JSON.parse(r.detail).shown])).toEqual([
      ['slides.results-shown', true],
      ['slides.results-shown', true],
      ['slides.results-shown', false],
    ])
  })
})
