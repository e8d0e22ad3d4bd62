import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { manualClock } from '../clock/clock.ts'
import { createLogger } from '../log/logger.ts'
import { listBackups } from './listBackups.ts'
import { scheduledBackups } from './scheduledBackups.ts'

const HOUR = 3_600_000

function makeDatabase(dbPath: string) {
  const db = new DatabaseSync(dbPath)
  db.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (body TEXT); INSERT INTO t VALUES ('x')")
}

function setUp(everyHours: number, { database = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-scheduled-'))
  const dbPath = join(dir, 'hearth.sqlite')
  if (database) makeDatabase(dbPath)
  const logs: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line))
      done()
    },
  })
  const now = manualClock(1_780_000_000_000)
  const backups = join(dir, 'backups')
  const key = randomBytes(32)
  const schedule = scheduledBackups({
    dbPath,
    dir: backups,
    keep: 3,
    everyHours,
    key: () => key,
    now,
    log: createLogger('info', sink),
  })
  return { schedule, now, logs, backups, dbPath }
}

describe('scheduledBackups', () => {
  it('takes one when none exists, then again only a full period later on the given clock', async () => {
    const { schedule, now, backups } = setUp(6)
    await schedule.runIfDue()
    expect(listBackups(backups)).toHaveLength(1)
    now.advance(5 * HOUR)
    await schedule.runIfDue()
    expect(listBackups(backups)).toHaveLength(1)
    now.advance(1 * HOUR)
    await schedule.runIfDue()
    expect(listBackups(backups).map((b) => b.createdAt)).toEqual([now(), now() - 6 * HOUR])
  })

  it('never doubles a run that is still going', async () => {
    const { schedule, backups } = setUp(1)
    await Promise.all([schedule.runIfDue(), schedule.runIfDue(), schedule.runIfDue()])
    await schedule.settle()
    expect(listBackups(backups)).toHaveLength(1)
  })

  it('does nothing when off', async () => {
    const { schedule, backups } = setUp(0)
    await schedule.runIfDue()
    expect(listBackups(backups)).toEqual([])
  })

  it('logs the file, its size and the time taken, and nothing of the database', async () => {
    const { schedule, logs, backups } = setUp(1)
    await schedule.runIfDue()
    const line = logs.find((l) => l.msg === 'backup written')!
    const [only] = listBackups(backups)
    expect(line).toMatchObject({ backup: only!.name, bytes: only!.bytes, pruned: 0 })
    expect(typeof line.ms).toBe('number')
    expect(JSON.stringify(logs)).not.toContain("'x'")
  })

  it('logs a failure and keeps going (the next run tries again)', async () => {
    const { schedule, logs, dbPath, backups } = setUp(1, { database: false })
    await schedule.runIfDue()
    expect(logs.find((l) => l.msg === 'backup failed')).toMatchObject({
      err: { kind: 'no-database' },
    })
    expect(listBackups(backups)).toEqual([])
    makeDatabase(dbPath)
    await schedule.runIfDue()
    expect(listBackups(backups)).toHaveLength(1)
  })
})
