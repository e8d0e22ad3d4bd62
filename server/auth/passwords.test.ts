import { describe, expect, it } from 'vitest'
import { hashSecret, passwordProblem, verifySecret } from './passwords.ts'

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const hash = await hashSecret('correct horse battery staple')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(await verifySecret('correct horse battery staple', hash)).toBe(true)
    expect(await verifySecret('correct horse battery stapler', hash)).toBe(false)
    expect(await hashSecret('correct horse battery staple')).not.toBe(hash)
  })

  it.each([
    ['short1', 'too-short'],
    ['password1234', 'too-common'],
    ['qwertyuiop12', 'too-common'],
    ['!!!iloveyou!!!', 'too-common'],
    ['aaaaaaaaaaaaaaa', 'too-common'],
    ['x'.repeat(300), 'too-long'],
    ['maple-river-lantern-7', null],
  ])('[C15] %j → %s', async (password, problem) => {
    expect(await passwordProblem(password)).toBe(problem)
  })
})
