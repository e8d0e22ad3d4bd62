import { describe, expect, it } from 'vitest'
import { firstWords, parsePattern } from './phrasePattern.ts'

describe('parsePattern', () => {
  it('spells words as messages are read: case, accents, contractions, hyphens', () => {
    expect(parsePattern("I Don't want to LIVE")).toEqual(
      ['i', 'do', 'not', 'want', 'to', 'live'].map((word) => ({ kind: 'word', word })),
    )
    expect(parsePattern('Selbstmord-Gedanken')).toEqual([
      { kind: 'word', word: 'selbstmord' },
      { kind: 'word', word: 'gedanken' },
    ])
    expect(parsePattern('élan')).toEqual([{ kind: 'word', word: 'elan' }])
  })

  it('indexes a phrase under every word it can start with', () => {
    const first = firstWords(parsePattern('[i] [really] (want|need to) die'))
    expect(first.words.sort()).toEqual(['i', 'need', 'really', 'want'])
    expect(firstWords(parsePattern('suicid* thoughts')).stems).toEqual(['suicid'])
  })

  it.each([
    ['(want|need', 'a ")" is missing'],
    ['want)', 'unexpected ")"'],
    ['(want||need) to die', 'an empty alternative'],
    ['[maybe]', 'could match no words at all'],
    ['.. die', '".." belongs between words'],
    ['die ..', '".." belongs between words'],
    ['die $ now', '"$" and "!" belong at the end'],
    ['(die $)', 'belong at the end of the phrase, not inside brackets'],
    ['die !', '"!" must be followed by a word'],
    ['su* die', 'the stem "su*" must be one word of at least 3 letters'],
    ['die !(a .. b)', '".." cannot follow "!"'],
    ['?', 'has no letters'],
  ])('refuses %j: %s', (pattern, problem) => {
    expect(() => parsePattern(pattern)).toThrow(problem)
  })
})
