import { describe, expect, it } from 'vitest'
import { parseDocName } from './docName.ts'

describe('parseDocName', () => {
  it.each(['playground/main', 'g/abc/s/def/worksheet/1', 'a', 'x-y_z/0'])('accepts %s', (n) => {
    expect(parseDocName(n)).toBe(n)
  })

  it.each(['', '/a', 'a/', 'a//b', '../etc', 'A/b', 'a b', 'a/./b', 'é', 'a'.repeat(201)])(
    'refuses %j',
    (n) => {
      expect(parseDocName(n)).toBeNull()
    },
  )
})
