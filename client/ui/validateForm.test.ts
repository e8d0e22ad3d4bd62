import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { loginRequest, pseudonym } from '../../shared/api/schemas.ts'
import { validateForm } from './validateForm.ts'

const messages = { email: 'Enter your email address.', password: 'Enter your password.' }

describe('validateForm', () => {
  it('returns the parsed data when the values are valid', () => {
    const result = validateForm(loginRequest, { email: ' A@B.example ', password: 'x' }, messages)
    expect(result).toEqual({ ok: true, data: { email: 'a@b.example', password: 'x' } })
  })

  it('names each wrong field once, with its message, and the first one', () => {
    const result = validateForm(loginRequest, { email: 'nope', password: '' }, messages)
    expect(result).toEqual({
      ok: false,
      errors: { email: 'Enter your email address.', password: 'Enter your password.' },
      first: 'email',
    })
  })

  it('falls back to a general message for a field without one', () => {
    const result = validateForm(
      loginRequest,
      { email: 'a@b.example', password: 'x', code: '12' },
      messages,
    )
    expect(result).toMatchObject({
      ok: false,
      errors: { code: 'Please check this.' },
      first: 'code',
    })
  })

  it('validates the shared pseudonym rule', () => {
    const schema = z.object({ pseudonym })
    const says = { pseudonym: 'Use 2 to 30 letters or digits.' }
    expect(validateForm(schema, { pseudonym: 'Robin' }, says).ok).toBe(true)
    expect(validateForm(schema, { pseudonym: 'R' }, says).ok).toBe(false)
    expect(validateForm(schema, { pseudonym: '<script>' }, says).ok).toBe(false)
  })
})
