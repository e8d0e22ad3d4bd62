import { mkdtempSync, openSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { quickCheck } from './quickCheck.ts'

describe('quickCheck', () => {
  it('passes a sound file and names what is wrong in a damaged one', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hearth-check-')), 'd.sqlite')
    const db = new DatabaseSync(path)
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v)')
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(100)}`)
    expect(quickCheck(db)).toMatchObject({ ok: true, problems: [] })
    db.close()
    // Garbage over a page in the middle of the file, as a failing disk would leave it.
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 40 * 4096)
    closeSync(fd)
    const damaged = new DatabaseSync(path)
    const check = quickCheck(damaged)
    damaged.close()
    expect(check.ok).toBe(false)
    expect(check.problems.length).toBeGreaterThan(0)
  })
})
