import { describe, expect, it } from 'vitest'
import { readFragment } from './readFragment.ts'

describe('readFragment', () => {
  const token = 'Xb3_k-9qZ0aP7rT2wLmN4vYc8sE1uJ6hG5dF0iO2nQ4'

  it('reads a base64url token after the #', () => {
    expect(readFragment(`#${token}`)).toBe(token)
  })

  it('refuses an empty, short or odd fragment', () => {
    expect(readFragment('')).toBeNull()
    expect(readFragment('#')).toBeNull()
    expect(readFragment('#abc')).toBeNull()
    expect(readFragment('#<script>alert(1)</script>xxxxxxxxxxxxxxxx')).toBeNull()
    expect(readFragment('#%E0%A4%A')).toBeNull()
  })
})
