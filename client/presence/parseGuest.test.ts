import { describe, expect, it } from 'vitest'
import { createGuest, GUEST_COLOURS } from './createGuest.ts'
import { parseGuest } from './parseGuest.ts'

describe('createGuest', () => {
  it('makes a neutral numbered label and a palette colour', () => {
    expect(createGuest(() => 0)).toEqual({ label: 'Guest 1', colour: GUEST_COLOURS[0] })
    expect(createGuest(() => 0.999)).toEqual({ label: 'Guest 99', colour: GUEST_COLOURS.at(-1) })
  })
})

describe('parseGuest', () => {
  it('accepts what createGuest makes', () => {
    for (let i = 0; i < 50; i++) {
      const guest = createGuest()
      expect(parseGuest({ guest })).toEqual(guest)
    }
  })

  it('refuses names, other colours and missing states', () => {
    expect(parseGuest({ guest: { label: 'Alice Smith', colour: GUEST_COLOURS[0] } })).toBeNull()
    expect(parseGuest({ guest: { label: 'Guest 3 (Alice)', colour: GUEST_COLOURS[0] } })).toBeNull()
    expect(parseGuest({ guest: { label: 'Guest 3', colour: 'url(https://x.test)' } })).toBeNull()
    expect(parseGuest({})).toBeNull()
    expect(parseGuest(null)).toBeNull()
  })
})
