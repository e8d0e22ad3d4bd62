import { describe, expect, it } from 'vitest'
import { claimsARole, looksLikeAny, nameSkeletons } from './nameSkeletons.ts'

describe('look-alike names', () => {
  it.each([
    ['Wren', 'wren'],
    ['Wren', 'Wrеn'], // Cyrillic е
    ['Dr Other', 'Dr Οther'], // Greek Ο
    ['Dr Other', 'DR 0THER'],
    ['Wren', 'W r e n'],
    ['Wren', 'Wren.'],
    ['Wren', 'Wr\u200Ben'], // zero-width space
    ['Zoe', 'Zoë'],
    ['Robin', 'Rоbin'], // Cyrillic о
    ['Iris', 'lris'],
    ['Kim', 'Ｋｉｍ'], // full-width
  ])('%s and %s collide', (a, b) => {
    expect(looksLikeAny(b, [a])).toBe(true)
  })

  it.each([
    ['Wren', 'Wendy'],
    ['Robin', 'Robyn'],
    ['Sam', 'Sam2'],
    ['Dr Other', 'Dr Otter'],
  ])('%s and %s do not', (a, b) => {
    expect(looksLikeAny(b, [a])).toBe(false)
  })

  it.each([
    'Robin · Facilitator',
    'FACILITAT0R',
    'Admin',
    'Hearth team',
    'Thеrapist Jo',
    'Adm1n',
    '5taff',
    'Th3rapist',
    'M0D3RAT0R',
  ])('%s claims a role', (name) => {
    expect(claimsARole(name)).toBe(true)
  })

  it.each(['Lena', 'Stella', 'Alice 17', 'Dr Owl', 'Sam'])('%s claims none', (name) => {
    expect(claimsARole(name)).toBe(false)
  })

  it('leaves nothing of a name made only of punctuation and spaces', () => {
    expect(nameSkeletons(' .-. ')).toEqual([''])
  })
})
