import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../db/openDatabase.ts'
import { sqliteData } from './openData.ts'

describe('Kysely on the Db’s own node:sqlite connection', () => {
  let db: Db
  afterEach(() => db.close())
  const open = () =>
    (db = openDatabase(join(mkdtempSync(join(tmpdir(), 'hearth-bridge-')), 'hearth.sqlite')))

  it('reads and writes what raw statements see, returning generated ids', async () => {
    const data = sqliteData(open())
    const ids = await data
      .insertInto('login_failures')
      .values([
        { key: 'k1', at: 1 },
        { key: 'k2', at: 2 },
      ])
      .returning('id')
      .execute()
    expect(ids.map((r) => r.id)).toEqual([1, 2])
    expect(db.sql.prepare('SELECT key FROM login_failures ORDER BY id').all()).toEqual([
      { key: 'k1' },
      { key: 'k2' },
    ])
    const removed = await data.deleteFrom('login_failures').where('key', '=', 'k1').executeTakeFirst()
    expect(Number(removed.numDeletedRows)).toBe(1)
  })

  it('a raw transaction begun while a Kysely one is open runs whole inside it, or not at all', async () => {
    const data = sqliteData(open())
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const kysely = data.transaction().execute(async (trx) => {
      await trx.insertInto('login_failures').values({ key: 'kysely', at: 1 }).execute()
      await gate
      await trx.insertInto('login_failures').values({ key: 'kysely', at: 2 }).execute()
    })
    await new Promise((resolve) => setImmediate(resolve))
    // Another request's code, between two of the Kysely transaction's statements.
    db.transaction(() => db.sql.prepare("INSERT INTO login_failures (key, at) VALUES ('raw', 3)").run())
    expect(() =>
      db.transaction(() => {
        db.sql.prepare("INSERT INTO login_failures (key, at) VALUES ('half', 4)").run()
        throw new Error('fails half-way')
      }),
    ).toThrow('fails half-way')
    release()
    await kysely
    const keys = db.sql.prepare('SELECT key FROM login_failures ORDER BY at').all()
    expect(keys).toEqual([{ key: 'kysely' }, { key: 'kysely' }, { key: 'raw' }])
  })

  it('a transaction takes the write lock when it begins, so another process waits its turn', async () => {
    const data = sqliteData(open())
    const other = new DatabaseSync(db.sql.location()!)
    other.exec('PRAGMA busy_timeout = 0')
    try {
      await data.transaction().execute(async (trx) => {
        await trx.selectFrom('login_failures').selectAll().execute()
        // Begun deferred, a transaction that has only read holds no write lock yet.
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i)
      })
      other.exec('BEGIN IMMEDIATE; ROLLBACK')
    } finally {
      other.close()
    }
  })
})
