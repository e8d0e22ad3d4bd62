import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_KEYS_DATABASE_URL, throwawaySchema } from '../db/test/throwawaySchema.ts'
import { createLogger } from '../log/logger.ts'
import { KEY_RECHECK_MS, KeyNotLoaded } from './Keys.ts'
import { KeyErased, KeyRingProblem } from './keyRing.ts'
import { type MasterKey, parseMasterKey } from './masterKey.ts'
import { PgKeyRing } from './pgKeyRing.ts'
import { open, seal } from './seal.ts'

const quiet = createLogger('silent')
const master = () => parseMasterKey(randomBytes(32).toString('base64'), 'test')
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A key database of its own; `ring()` opens one instance's ring on it (its own pool). */
async function keyDatabase() {
  const db = await throwawaySchema('keys', TEST_KEYS_DATABASE_URL)
  cleanups.push(() => db.drop())
  return {
    db,
    async ring(m: MasterKey, clock = { now: 1 }, reloadMaster?: () => MasterKey) {
      const ring = await PgKeyRing.open({
        pool: db.anotherPool(),
        master: m,
        now: () => clock.now,
        log: quiet,
        ...(reloadMaster && { reloadMaster }),
      })
      cleanups.push(() => ring.close())
      return ring
    },
  }
}

describe('the key ring in PostgreSQL (instances on separate hosts)', () => {
  it('makes a data key per scope on first use, keeps it for the next instance, and stores it only wrapped', async () => {
    const m = master()
    const { db, ring } = await keyDatabase()
    const a = await ring(m)
    const key = await a.key('group:g1')
    expect(await a.key('group:g1')).toBe(key)
    expect(same(await a.key('group:g2'), key)).toBe(false)
    const b = await ring(m)
    expect(same(await b.key('group:g1'), key)).toBe(true)
    const { rows } = await db.pool.query<{ wrapped: Uint8Array }>('SELECT wrapped FROM data_keys')
    expect(rows).toHaveLength(2)
    for (const { wrapped } of rows)
      expect(Buffer.from(wrapped).includes(Buffer.from(key))).toBe(false)
  })

  it('gives every instance the same key when they first need it at the same moment', async () => {
    const m = master()
    const { db, ring } = await keyDatabase()
    const rings = await Promise.all([ring(m), ring(m), ring(m)])
    const scopes = Array.from({ length: 12 }, (_, i) => `group:g${i}` as const)
    const keys = await Promise.all(rings.map((r) => Promise.all(scopes.map((s) => r.key(s)))))
    for (let i = 0; i < scopes.length; i++) {
      expect(same(keys[0]![i]!, keys[1]![i]!)).toBe(true)
      expect(same(keys[0]![i]!, keys[2]![i]!)).toBe(true)
    }
    const { rows } = await db.pool.query('SELECT scope FROM data_keys')
    expect(rows).toHaveLength(12)
  })

  it('answers synchronously only for a key it holds', async () => {
    const { ring } = await keyDatabase()
    const a = await ring(master())
    expect(() => a.keyOf('system')).toThrow(KeyNotLoaded)
    const key = await a.key('system')
    expect(a.keyOf('system')).toBe(key)
  })

  it('refuses to start with another master key than the one that wrapped its keys', async () => {
    const { ring } = await keyDatabase()
    const a = await ring(master())
    await a.key('system')
    await expect(ring(master())).rejects.toThrow(KeyRingProblem)
  })

  it('destroys a key for every instance: at once where it was destroyed, within the recheck time elsewhere, and never makes it again', async () => {
    const m = master()
    const clock = { now: 1 }
    const { db, ring } = await keyDatabase()
    const a = await ring(m, clock)
    const b = await ring(m, clock)
    const sealed = seal(await a.key('group:g1'), Buffer.from('grief'), 'doc a')
    await b.key('group:g1')
    await a.destroy('group:g1')
    await expect(a.key('group:g1')).rejects.toThrow(KeyErased)
    expect(await a.has('group:g1')).toBe(false)
    expect(await b.erased('group:g1')).toBe(true)
    // B held the key: it stops using it once the recheck time has passed.
    clock.now += KEY_RECHECK_MS
    await expect(b.key('group:g1')).rejects.toThrow(KeyErased)
    expect(() => b.keyOf('group:g1')).toThrow(KeyNotLoaded)
    // A new instance cannot make a new key for the scope either.
    const c = await ring(m, clock)
    await expect(c.key('group:g1')).rejects.toThrow(KeyErased)
    expect(await c.key('group:g2')).toHaveLength(32)
    const { rows } = await db.pool.query("SELECT 1 FROM data_keys WHERE scope = 'group:g1'")
    expect(rows).toHaveLength(0)
    expect(() => open(randomBytes(32), sealed, 'doc a')).toThrow()
  })

  it('never ends with an erased scope that has a key, when erasure races a first use', async () => {
    const m = master()
    const { db, ring } = await keyDatabase()
    const [a, b] = await Promise.all([ring(m), ring(m)])
    const scopes = Array.from({ length: 10 }, (_, i) => `member:m${i}` as const)
    await Promise.allSettled(scopes.flatMap((s) => [a.key(s), b.destroy(s)]))
    const { rows } = await db.pool.query(
      'SELECT scope FROM data_keys WHERE scope IN (SELECT scope FROM erased_scopes)',
    )
    expect(rows).toHaveLength(0)
    const c = await ring(m)
    for (const s of scopes) await expect(c.key(s)).rejects.toThrow(KeyErased)
  })

  it('rotates the master key by rewrapping; a running instance adopts the new master when it meets it', async () => {
    const old = master()
    const next = master()
    const { ring } = await keyDatabase()
    const a = await ring(old)
    const clock = { now: 1 }
    const b = await ring(old, clock, () => next)
    const key = await a.key('group:g1')
    expect(await a.rewrap(next)).toBe(1)
    clock.now += KEY_RECHECK_MS
    expect(same(await b.key('group:g1'), key)).toBe(true)
    expect(await b.key('group:g2')).toHaveLength(32)
    expect(same(await (await ring(next)).key('group:g1'), key)).toBe(true)
    await expect(ring(old)).rejects.toThrow(KeyRingProblem)
  })

  it('keeps one shared secret for every instance, sealed', async () => {
    const m = master()
    const { db, ring } = await keyDatabase()
    const [a, b] = await Promise.all([ring(m), ring(m)])
    let made = 0
    const make = () => `vapid-${++made}-${randomBytes(8).toString('hex')}`
    const [x, y] = await Promise.all([a.secret('vapid', make), b.secret('vapid', make)])
    expect(x).toBe(y)
    expect(made).toBe(1)
    expect(await (await ring(m)).secret('vapid', make)).toBe(x)
    const { rows } = await db.pool.query<{ sealed: string }>('SELECT sealed FROM ring_secrets')
    expect(rows[0]!.sealed).not.toContain(x)
  })
})
