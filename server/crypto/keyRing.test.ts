import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../log/logger.ts'
import { KeyErased, KeyRing, KeyRingProblem } from './keyRing.ts'
import { loadMasterKey, MasterKeyProblem, parseMasterKey } from './masterKey.ts'
import { open, seal, SealedDataRejected } from './seal.ts'

const quiet = createLogger('silent')
const master = () => parseMasterKey(randomBytes(32).toString('base64'), 'test')
const folder = () => mkdtempSync(join(tmpdir(), 'hearth-keys-'))

describe('the key ring', () => {
  it('makes a data key per scope on first use, keeps it across restarts, and stores it only wrapped', async () => {
    const dir = folder()
    const path = join(dir, 'keys.sqlite')
    const m = master()
    const ring = new KeyRing(path, m, () => 1)
    const key = ring.keyOf('group:g1')
    expect(ring.keyOf('group:g1')).toBe(key)
    expect(Buffer.from(ring.keyOf('group:g2')).equals(Buffer.from(key))).toBe(false)
    await ring.close()
    const again = new KeyRing(path, m, () => 2)
    expect(Buffer.from(again.keyOf('group:g1')).equals(Buffer.from(key))).toBe(true)
    await again.close()
    const file = readFileSync(path)
    expect(file.includes(Buffer.from(key))).toBe(false)
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('refuses to start with another master key than the one that wrapped its keys', async () => {
    const path = join(folder(), 'keys.sqlite')
    const ring = new KeyRing(path, master(), () => 1)
    ring.keyOf('system')
    await ring.close()
    expect(() => new KeyRing(path, master(), () => 1)).toThrow(KeyRingProblem)
  })

  it('destroys a key for good: what it sealed no longer opens, with this ring or from a copy', async () => {
    const dir = folder()
    const path = join(dir, 'keys.sqlite')
    const m = master()
    const ring = new KeyRing(path, m, () => 1)
    const sealed = seal(ring.keyOf('group:g1'), Buffer.from('grief'), 'doc a')
    const peek = new DatabaseSync(path)
    const { wrapped } = peek
      .prepare("SELECT wrapped FROM data_keys WHERE scope = 'group:g1'")
      .get() as {
      wrapped: Uint8Array
    }
    peek.close()
    await ring.destroy('group:g1')
    // Not left behind in a free page or the write-ahead log either.
    const onDisk = Buffer.concat(
      [path, `${path}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
    )
    expect(onDisk.includes(Buffer.from(wrapped))).toBe(false)
    expect(await ring.has('group:g1')).toBe(false)
    // No new key is ever made for an erased scope, so no late write starts a readable history.
    expect(await ring.erased('group:g1')).toBe(true)
    expect(() => ring.keyOf('group:g1')).toThrow(KeyErased)
    await ring.close()
    const reopened = new KeyRing(path, m, () => 2)
    expect(() => reopened.keyOf('group:g1')).toThrow(KeyErased)
    // Other scopes are untouched.
    expect(reopened.keyOf('group:g2')).toHaveLength(32)
    await reopened.close()
    expect(() => open(randomBytes(32), sealed, 'doc a')).toThrow(SealedDataRejected)
  })

  it('rotates the master key by rewrapping: everything sealed before still opens, and the old master opens nothing', async () => {
    const path = join(folder(), 'keys.sqlite')
    const old = master()
    const next = master()
    const ring = new KeyRing(path, old, () => 1)
    const before = seal(ring.keyOf('group:g1'), Buffer.from('before'), 'doc a')
    expect(ring.rewrap(next)).toBe(1)
    const after = seal(ring.keyOf('group:g1'), Buffer.from('after'), 'doc b')
    await ring.close()
    const rotated = new KeyRing(path, next, () => 2)
    const key = rotated.keyOf('group:g1')
    expect(Buffer.from(open(key, before, 'doc a')).toString()).toBe('before')
    expect(Buffer.from(open(key, after, 'doc b')).toString()).toBe('after')
    await rotated.close()
    expect(() => new KeyRing(path, old, () => 3)).toThrow(KeyRingProblem)
  })
})

describe('the master key', () => {
  it('is made once into the data folder when none is configured, readable by its owner only, with a warning', async () => {
    const dir = folder()
    const lines: string[] = []
    const log = createLogger('warn', { write: (line: string) => void lines.push(line) })
    const first = loadMasterKey({ dataDir: dir }, log)
    const second = loadMasterKey({ dataDir: dir }, quiet)
    expect(second.id).toBe(first.id)
    expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600)
    expect(lines.join('')).toContain('move it off this disk')
  })

  it('takes a configured key as base64 or hex, and refuses anything but 32 bytes', () => {
    const bytes = randomBytes(32)
    const a = loadMasterKey({ configured: bytes.toString('base64'), dataDir: folder() }, quiet)
    const b = loadMasterKey({ configured: bytes.toString('hex'), dataDir: folder() }, quiet)
    expect(a.id).toBe(b.id)
    expect(() => loadMasterKey({ configured: 'short', dataDir: folder() }, quiet)).toThrow(
      MasterKeyProblem,
    )
    expect(() => loadMasterKey({ file: '/nonexistent/key', dataDir: folder() }, quiet)).toThrow(
      MasterKeyProblem,
    )
  })
})

describe('the key ring shared by instances on one host', () => {
  it('waits for another process’s write and takes the key it made for the scope, not a second one', async () => {
    const m = master()
    // The row the other instance will write: a key for the scope, wrapped by the same master.
    const elsewherePath = join(folder(), 'keys.sqlite')
    const elsewhere = new KeyRing(elsewherePath, m, () => 1)
    const theirs = elsewhere.keyOf('group:g1')
    await elsewhere.close()
    const peek = new DatabaseSync(elsewherePath)
    const row = peek.prepare("SELECT * FROM data_keys WHERE scope = 'group:g1'").get()
    peek.close()
    const path = join(folder(), 'keys.sqlite')
    const ours = new KeyRing(path, m, () => 1)
    // The other instance: its write transaction holds the file for 300 ms, then commits the row.
    const other = new Worker(
      `const { DatabaseSync } = require('node:sqlite')
       const { parentPort, workerData } = require('node:worker_threads')
       const { scope, wrapped, master_id } = workerData.row
       const db = new DatabaseSync(workerData.path)
       db.exec('BEGIN IMMEDIATE')
       db.prepare('INSERT INTO data_keys (scope, wrapped, master_id, created_at) VALUES (?, ?, ?, 1)')
         .run(scope, wrapped, master_id)
       parentPort.postMessage('holding')
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300)
       db.exec('COMMIT')
       db.close()`,
      { eval: true, workerData: { path, row } },
    )
    const exited = new Promise((resolve) => other.once('exit', resolve))
    await new Promise((resolve) => other.once('message', resolve))
    // Finds no committed key, waits for the lock, and reads again under it: the other's key.
    const key = ours.keyOf('group:g1')
    expect(Buffer.from(key).equals(Buffer.from(theirs))).toBe(true)
    await exited
    await ours.close()
  })
})
