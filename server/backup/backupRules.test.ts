import { describe, expect, it } from 'vitest'
import { backupDue, backupsToPrune, type BackupEntry } from './backupRules.ts'

const HOUR = 3_600_000
const entry = (name: string, createdAt: number | null): BackupEntry => ({
  name,
  createdAt,
  bytes: 1,
})

describe('backupsToPrune', () => {
  it('keeps the newest N by creation time, whatever the listing order', () => {
    const list = [entry('c', 3), entry('a', 1), entry('e', 5), entry('b', 2), entry('d', 4)]
    expect(backupsToPrune(list, 3).map((b) => b.name)).toEqual(['b', 'a'])
    expect(backupsToPrune(list, 5)).toEqual([])
    expect(backupsToPrune(list, 14)).toEqual([])
  })

  it('never prunes the newest one, even when asked to keep none', () => {
    expect(backupsToPrune([entry('a', 1), entry('b', 2)], 0).map((b) => b.name)).toEqual(['a'])
  })

  it('never counts nor prunes a file whose header cannot be read', () => {
    const list = [entry('x', null), entry('a', 1), entry('b', 2), entry('y', null)]
    expect(backupsToPrune(list, 1).map((b) => b.name)).toEqual(['a'])
  })

  it('breaks ties of the same time by name, so the choice is stable', () => {
    expect(backupsToPrune([entry('a', 1), entry('b', 1)], 1).map((b) => b.name)).toEqual(['a'])
  })
})

describe('backupDue', () => {
  it('is due with no backup, and again a full period after the newest', () => {
    expect(backupDue([], 10 * HOUR, 6 * HOUR)).toBe(true)
    const list = [entry('a', 1 * HOUR), entry('b', 4 * HOUR)]
    expect(backupDue(list, 9 * HOUR, 6 * HOUR)).toBe(false)
    expect(backupDue(list, 10 * HOUR, 6 * HOUR)).toBe(true)
  })

  it('ignores a backup dated in the future (a clock set back) and unreadable files', () => {
    expect(backupDue([entry('future', 100 * HOUR), entry('x', null)], 10 * HOUR, 6 * HOUR)).toBe(
      true,
    )
    expect(
      backupDue([entry('future', 100 * HOUR), entry('a', 8 * HOUR)], 10 * HOUR, 6 * HOUR),
    ).toBe(false)
  })
})
