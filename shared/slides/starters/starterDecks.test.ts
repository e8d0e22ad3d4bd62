import { describe, expect, it } from 'vitest'
import { slideSchema } from '../slideSchema.ts'
import { STARTER_DECKS } from './starterDecks.ts'

const textOf = (node: unknown): string => JSON.stringify(node)

describe('starter decks', () => {
  it('cover the body’s alarm, the CBT triangle, sleep and grief', () => {
    expect(STARTER_DECKS.map((d) => d.id)).toEqual([
      'fight-flight-freeze',
      'cbt-triangle',
      'sleep',
      'grief',
    ])
  })

  for (const deck of STARTER_DECKS) {
    it(`${deck.id}: valid slides, ending with references that give year and source`, () => {
      expect(deck.slides.length).toBeGreaterThanOrEqual(5)
      const schema = slideSchema()
      for (const slide of deck.slides) {
        schema.nodeFromJSON(slide.body).check()
        if (slide.side) schema.nodeFromJSON(slide.side).check()
        expect(slide.layout === 'two-columns').toBe(slide.side !== undefined)
      }
      const last = textOf(deck.slides.at(-1)!.body)
      expect(last).toContain('References')
      const items = deck.slides.at(-1)!.body.content![1]!.content!
      expect(items.length).toBeGreaterThanOrEqual(3)
      for (const item of items) expect(textOf(item)).toMatch(/\((1[89]|20)\d\d\)\. [A-Z]/)
    })
  }
})
