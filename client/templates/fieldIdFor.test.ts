import { describe, expect, it } from 'vitest'
import { fieldIdFor } from './fieldIdFor.ts'

describe('fieldIdFor', () => {
  it('makes a readable id from the label', () => {
    expect(fieldIdFor('What went well today?', new Set())).toBe('what-went-well-today')
  })

  it('never reuses an id the template has', () => {
    expect(fieldIdFor('Mood', new Set(['mood', 'mood-2']))).toBe('mood-3')
  })

  it('falls back to "field" for a label without letters or digits', () => {
    expect(fieldIdFor('???', new Set())).toBe('field')
  })
})
