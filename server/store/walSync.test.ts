import { closeSync, fdatasync, mkdtempSync, openSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WalSync } from './walSync.ts'

/** A database path whose log file exists, as it does after the first commit. */
function withLog(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hearth-wal-')), 'db.sqlite')
  closeSync(openSync(`${path}-wal`, 'w'))
  return path
}

/** fdatasync that finishes only when the test says so, counting its calls. */
function heldDatasync() {
  const waiting: (() => void)[] = []
  const datasync = ((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    waiting.push(() => fdatasync(fd, done))
  }) as typeof fdatasync
  return { datasync, waiting, release: () => waiting.shift()!() }
}

const settled = (p: Promise<void>) => {
  const state = { done: false }
  void p.then(() => (state.done = true))
  return state
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('WalSync', () => {
  it('answers a caller only by a sync that began after its call, and groups the rest', async () => {
    const held = heldDatasync()
    const wal = new WalSync(withLog(), held.datasync)
    const first = settled(wal.sync())
    expect(held.waiting).toHaveLength(1)
    // Written while the first sync runs: that sync may not cover them.
    const second = settled(wal.sync())
    const third = settled(wal.sync())
    expect(held.waiting).toHaveLength(1)
    held.release()
    await tick()
    expect(first.done).toBe(true)
    expect([second.done, third.done]).toEqual([false, false])
    // One more sync covers both.
    expect(held.waiting).toHaveLength(1)
    held.release()
    await tick()
    expect([second.done, third.done]).toEqual([true, true])
    expect(held.waiting).toHaveLength(0)
    wal.close()
  })

  it('carries a failed sync to its callers, and the next call tries again', async () => {
    let calls = 0
    const failing = ((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      calls++
      if (calls === 1) done(Object.assign(new Error('i/o error'), { code: 'EIO' }))
      else fdatasync(fd, done)
    }) as typeof fdatasync
    const wal = new WalSync(withLog(), failing)
    await expect(wal.sync()).rejects.toMatchObject({ code: 'EIO' })
    await expect(wal.sync()).resolves.toBeUndefined()
    wal.close()
  })
})
