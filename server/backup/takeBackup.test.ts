import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { BackupRejected } from './backupFormat.ts'
import { listBackups } from './listBackups.ts'
import { RestoreFailed, restoreBackup } from './restoreBackup.ts'
import { takeBackup } from './takeBackup.ts'
import { BackupFailed, writeBackup } from './writeBackup.ts'

const HOUR = 3_600_000
const key = randomBytes(32)

/** A WAL database with `rows` rows, left open as a running server leaves it. */
function liveDatabase(rows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-backup-'))
  const dbPath = join(dir, 'hearth.sqlite')
  const db = new DatabaseSync(dbPath)
  db.exec('PRAGMA journal_mode = WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB)')
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)')
  for (let i = 0; i < rows; i++) insert.run(randomBytes(200))
  const keyRingPath = join(dir, 'keys.sqlite')
  new DatabaseSync(keyRingPath).exec('CREATE TABLE data_keys (scope TEXT)')
  return { dir, dbPath, db, keyRingPath, backups: join(dir, 'backups') }
}

const count = (path: string) =>
  (new DatabaseSync(path).prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n

describe('takeBackup', () => {
  it('copies the committed state of a live WAL database, sealed, 0600 in a 0700 folder, and no clear copy stays', async () => {
    const live = liveDatabase(500)
    const result = await takeBackup({
      dbPath: live.dbPath,
      dir: live.backups,
      key,
      keep: 14,
      createdAt: 10 * HOUR,
    })
    live.db.prepare('INSERT INTO notes (body) VALUES (?)').run(randomBytes(10))
    expect(readdirSync(live.backups)).toEqual([result.name])
    expect(statSync(live.backups).mode & 0o777).toBe(0o700)
    expect(statSync(result.file).mode & 0o777).toBe(0o600)
    expect(listBackups(live.backups)).toEqual([
      { name: result.name, createdAt: 10 * HOUR, bytes: result.bytes },
    ])
    const target = join(live.dir, 'restored')
    restoreBackup({ file: result.file, target, key, keyRingPath: live.keyRingPath })
    // Every row committed before the backup (all in the WAL, none checkpointed), none after.
    expect(count(join(target, 'hearth.sqlite'))).toBe(500)
    expect(statSync(join(target, 'hearth.sqlite')).mode & 0o777).toBe(0o600)
    expect(statSync(join(target, 'keys.sqlite')).mode & 0o777).toBe(0o600)
  })

  it('keeps the newest N after each backup', async () => {
    const live = liveDatabase(1)
    const names: string[] = []
    for (let hour = 1; hour <= 4; hour++) {
      const request = { dbPath: live.dbPath, dir: live.backups, key, keep: 2 }
      names.push(writeBackup({ ...request, createdAt: hour * HOUR }).name)
    }
    expect(listBackups(live.backups).map((b) => b.name)).toEqual([names[3], names[2]])
  })

  it('refuses to run beside another backup of the same folder, and clears what a dead one left', () => {
    const live = liveDatabase(1)
    mkdirSync(live.backups)
    writeFileSync(join(live.backups, 'backup.lock'), String(process.pid))
    const request = { dbPath: live.dbPath, dir: live.backups, key, keep: 2, createdAt: HOUR }
    expect(() => writeBackup(request)).toThrow(BackupFailed)
    // A pid that cannot be running: the lock and the half-made clear copy are cleared.
    writeFileSync(join(live.backups, 'backup.lock'), '2147483646')
    writeFileSync(join(live.backups, '.hearth-x.hbak.plain.tmp'), 'clear')
    const { name } = writeBackup(request)
    expect(readdirSync(live.backups)).toEqual([name])
  })

  it('fails with a typed error when there is no database, leaving nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-backup-'))
    const request = {
      dbPath: join(dir, 'none.sqlite'),
      dir: join(dir, 'b'),
      key,
      keep: 1,
      createdAt: 1,
    }
    await expect(takeBackup(request)).rejects.toMatchObject({ kind: 'no-database' })
  })
})

describe('restoreBackup', () => {
  it('refuses a folder that is not empty, and touches nothing in it', async () => {
    const live = liveDatabase(3)
    const { file } = writeBackup({
      dbPath: live.dbPath,
      dir: live.backups,
      key,
      keep: 2,
      createdAt: 1,
    })
    const target = join(live.dir, 'busy')
    mkdirSync(target)
    writeFileSync(join(target, 'hearth.sqlite'), 'someone else’s data')
    expect(() => restoreBackup({ file, target, key, keyRingPath: live.keyRingPath })).toThrow(
      RestoreFailed,
    )
    expect(readdirSync(target)).toEqual(['hearth.sqlite'])
  })

  it('leaves the target empty when a chunk does not open (another key)', () => {
    const live = liveDatabase(3)
    const { file } = writeBackup({
      dbPath: live.dbPath,
      dir: live.backups,
      key,
      keep: 2,
      createdAt: 1,
    })
    const target = join(live.dir, 'empty')
    mkdirSync(target)
    const wrongKey = randomBytes(32)
    expect(() =>
      restoreBackup({ file, target, key: wrongKey, keyRingPath: live.keyRingPath }),
    ).toThrow(BackupRejected)
    expect(readdirSync(target)).toEqual([])
  })
})
