import { describe, expect, it } from 'vitest'
import { describeSignal, silentSignal } from './signalSchemas.ts'

describe('silent signals', () => {
  it('says who signalled and what, in plain words', () => {
    const at = 1
    expect(describeSignal({ at, kind: 'need-a-moment', name: 'Robin', colour: '#123456' })).toBe(
      'Robin needs a moment.',
    )
    expect(describeSignal({ at, kind: 'not-ok', name: 'Robin', colour: '#123456' })).toBe(
      'Robin is not OK.',
    )
  })

  it('refuses a record of an unknown kind', () => {
    expect(
      silentSignal.safeParse({ at: 1, kind: 'help', name: 'R', colour: '#000000' }).success,
    ).toBe(false)
  })
})
