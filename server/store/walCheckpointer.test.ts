import { mkdtempSync, writeFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CheckpointFailed, WalCheckpointer } from './walCheckpointer.ts'

const folder = () => mkdtempSync(join(tmpdir(), 'hearth-ckpt-'))

/** A WAL database that never folds its own log, with `rows` transactions in the log. */
function walDatabase(rows: number) {
  const path = join(folder(), 'docs.sqlite')
  const db = new DatabaseSync(path)
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA wal_autocheckpoint = 0')
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, data BLOB)')
  const insert = db.prepare('INSERT INTO t (data) VALUES (?)')
  for (let i = 0; i < rows; i++) insert.run(new Uint8Array(500))
  return { path, db, insert }
}

const open: { close(): unknown }[] = []
afterEach(async () => {
  for (const x of open.splice(0)) await x.close()
})

describe('WalCheckpointer', () => {
  it('folds the whole log into the file on another connection, while this one commits', async () => {
    const { path, db, insert } = walDatabase(300)
    const folds = new WalCheckpointer(path)
    open.push(folds, db)
    // Started ahead, as the store does on each commit.
    folds.warm()
    const fold = folds.checkpoint()
    // The fold runs on its own thread: this connection commits meanwhile, without waiting.
    insert.run(new Uint8Array(500))
    const result = await fold
    expect(result.busy).toBe(0)
    expect(result.log).toBeGreaterThanOrEqual(300)
    expect(result.checkpointed).toBeGreaterThanOrEqual(300)
    // Nothing left for a fold here to do up to the frame the other one reached.
    const again = await folds.checkpoint()
    expect(again.checkpointed).toBe(again.log)
  })

  it('gives a caller who asks during a fold that same fold', async () => {
    const { path, db } = walDatabase(50)
    const folds = new WalCheckpointer(path)
    open.push(folds, db)
    expect(folds.checkpoint()).toBe(folds.checkpoint())
  })

  it('fails with SQLite’s message on a file that is not a database, and again when asked again', async () => {
    const path = join(folder(), 'notes.sqlite')
    writeFileSync(path, 'this is not a database, and long enough to have a header'.repeat(20))
    const folds = new WalCheckpointer(path)
    open.push(folds)
    await expect(folds.checkpoint()).rejects.toThrow(CheckpointFailed)
    await expect(folds.checkpoint()).rejects.toThrow(/not a database/)
  })

  it('fails, not hangs, when its thread cannot start, and starts a new one for the next fold', async () => {
    const missing = join(folder(), 'no', 'such', 'folder', 'docs.sqlite')
    const folds = new WalCheckpointer(missing)
    open.push(folds)
    await expect(folds.checkpoint()).rejects.toThrow(/unable to open/)
    await expect(folds.checkpoint()).rejects.toThrow(CheckpointFailed)
  })

  it('refuses to fold once closed', async () => {
    const { path, db } = walDatabase(10)
    const folds = new WalCheckpointer(path)
    open.push(db)
    await folds.checkpoint()
    await folds.close()
    await expect(folds.checkpoint()).rejects.toThrow(/closed/)
  })
})
