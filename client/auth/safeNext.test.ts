import { describe, expect, it } from 'vitest'
import { safeNext } from './safeNext.ts'

describe('safeNext', () => {
  it('follows a path on this site', () => {
    expect(safeNext('?next=%2Fgroups%2Fg1')).toBe('/groups/g1')
    expect(safeNext('?next=/session/s1')).toBe('/session/s1')
  })

  it('goes home for anything else', () => {
    expect(safeNext('')).toBe('/')
    expect(safeNext('?next=https://evil.example')).toBe('/')
    expect(safeNext('?next=//evil.example')).toBe('/')
    expect(safeNext('?next=/\\evil.example')).toBe('/')
    expect(safeNext('?next=javascript:alert(1)')).toBe('/')
  })
})
