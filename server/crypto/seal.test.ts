import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { open, openText, seal, SealedDataRejected, sealText } from './seal.ts'

describe('sealing a value', () => {
  const key = randomBytes(32)
  const text = new TextEncoder().encode('I felt unsafe at home this week')

  it('opens with the same key and context, and never shows the plaintext or repeats a nonce', () => {
    const a = seal(key, text, 'doc g/a/s/b/room')
    const b = seal(key, text, 'doc g/a/s/b/room')
    expect(Buffer.from(open(key, a, 'doc g/a/s/b/room')).toString()).toBe(
      'I felt unsafe at home this week',
    )
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false)
    expect(Buffer.from(a).includes(Buffer.from('unsafe'))).toBe(false)
  })

  it('refuses a changed byte anywhere, another context, another key, or a cut value, naming the record', () => {
    const sealed = seal(key, text, 'doc x')
    for (let i = 0; i < sealed.length; i++) {
      const changed = Uint8Array.from(sealed)
      changed[i]! ^= 0x01
      expect(() => open(key, changed, 'doc x')).toThrow(SealedDataRejected)
    }
    expect(() => open(key, sealed, 'doc y')).toThrow(/doc y could not be decrypted/)
    expect(() => open(randomBytes(32), sealed, 'doc x')).toThrow(SealedDataRejected)
    expect(() => open(key, sealed.subarray(0, 20), 'doc x')).toThrow(SealedDataRejected)
    expect(() => open(key, new Uint8Array(0), 'doc x')).toThrow(SealedDataRejected)
  })

  it('seals text for a text column, and refuses plain text where a sealed value belongs', () => {
    const stored = sealText(key, 'JBSWY3DPEHPK3PXP', 'totp f1')
    expect(stored.startsWith('sealed:')).toBe(true)
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP')
    expect(openText(key, stored, 'totp f1')).toBe('JBSWY3DPEHPK3PXP')
    expect(() => openText(key, stored, 'totp f2')).toThrow(SealedDataRejected)
    expect(() => openText(key, 'JBSWY3DPEHPK3PXP', 'totp f1')).toThrow(SealedDataRejected)
  })

  it('gives every value its own nonce, across refills of the nonce pool', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 3000; i++) {
      seen.add(Buffer.from(seal(key, text, 'doc x').subarray(1, 13)).toString('hex'))
    }
    expect(seen.size).toBe(3000)
  })
})
