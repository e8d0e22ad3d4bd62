import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { createLogger } from '../log/logger.ts'
import type { AppendEntry, DocStore } from '../store/DocStore.ts'
import { CommitQueue, type CommitItem } from './CommitQueue.ts'
import { DocRoom } from './DocRoom.ts'
import { LatencyRecorder } from './LatencyRecorder.ts'
import type { SyncConnection } from './SyncConnection.ts'

/** A store that records each append (time and documents) and can be told to fail. */
function recordingStore() {
  const appends: { at: number; docs: string[] }[] = []
  let failures = 0
  let seq = 0
  const store: DocStore = {
    load: () => Promise.resolve({ snapshot: null, updates: [], lastSeq: 0, updateBytes: 0 }),
    append: (entries: readonly AppendEntry[]) => {
      if (failures > 0) {
        failures--
        return Promise.reject(new Error('disk full'))
      }
      appends.push({ at: performance.now(), docs: entries.map((e) => e.doc) })
      return Promise.resolve(new Map(entries.map((e) => [e.doc, ++seq])))
    },
    compact: () => Promise.resolve(),
    delete: () => Promise.resolve(),
    names: () => Promise.resolve([]),
    close: () => Promise.resolve(),
  }
  return {
    store,
    appends,
    failNext: (n: number) => (failures = n),
    /** From now on, only appends of at most `n` entries fit (a nearly full disk). */
    roomFor: (n: number) => {
      const append = store.append
      store.append = (entries) =>
        entries.length > n ? Promise.reject(new Error('disk full')) : append(entries)
    },
  }
}

/**
 * A room with one writer whose acks (and "not saved" notices) are recorded, and an item
 * carrying one update for it.
 */
function itemFor(name: string, acks: number[], notSaved: string[] = []): CommitItem {
  const writer = {
    sendAck: (n: number) => acks.push(n),
    sendNotSaved: () => notSaved.push(name),
  } as unknown as SyncConnection
  const room = new DocRoom<SyncConnection>(name as DocName, new Y.Doc(), {
    lastSeq: 0,
    rows: 0,
    bytes: 0,
  })
  const update = Uint8Array.of(0, 0)
  return { room, update, batch: { updates: [update], acks: new Map([[writer, 1]]), since: null } }
}

function queueOn(store: DocStore, commitIntervalMs: number, stretch = false) {
  return new CommitQueue({
    store,
    log: createLogger('silent'),
    compaction: { maxRows: 500, maxBytes: 1 << 20 },
    commitIntervalMs,
    durable: new LatencyRecorder(),
    afterCommit: () => {},
    mayStretch: () => stretch,
  })
}

/** Pushes one update every `everyMs` for `ms` (fake time); returns the gaps between commits. */
async function typeSteadily(queue: CommitQueue, appends: { at: number }[], everyMs: number) {
  for (let t = 0; t < 3_000; t += everyMs) {
    queue.push([itemFor('a', [])])
    await vi.advanceTimersByTimeAsync(everyMs)
  }
  const gaps = appends.slice(10).map((a, i) => a.at - appends[i + 9]!.at)
  return { least: Math.min(...gaps), most: Math.max(...gaps) }
}

async function drain(queue: CommitQueue) {
  while (!queue.idle) await queue.settle()
}

describe('CommitQueue', () => {
  it('starts commits at least the interval apart, carrying what queued meanwhile in one', async () => {
    const { store, appends } = recordingStore()
    const queue = queueOn(store, 40)
    const acks: number[] = []
    queue.push([itemFor('a', acks)])
    await new Promise((resolve) => setTimeout(resolve, 5))
    queue.push([itemFor('b', acks)])
    queue.push([itemFor('c', acks)])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(appends.map((a) => a.docs)).toEqual([['a'], ['b', 'c']])
    expect(appends[1]!.at - appends[0]!.at).toBeGreaterThanOrEqual(39)
    expect(acks).toEqual([1, 1, 1])
  })

  it('rides the first push after the interval instead of waiting for its own timer', async () => {
    // Fake timers: on a loaded machine a real 340 ms sleep can outlast the 400 ms fallback.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    try {
      const { store, appends } = recordingStore()
      const queue = queueOn(store, 300)
      queue.push([itemFor('a', [])])
      await vi.advanceTimersByTimeAsync(5)
      queue.push([itemFor('b', [])])
      await vi.advanceTimersByTimeAsync(335)
      // The interval is over and the fallback timer (a third of it later) has not fired: the
      // next push commits at once, with what waited.
      expect(appends).toHaveLength(1)
      queue.push([itemFor('c', [])])
      await vi.advanceTimersByTimeAsync(0)
      expect(appends.map((a) => a.docs)).toEqual([['a'], ['b', 'c']])
      // With no push to ride, the fallback timer commits, between the interval and a third more.
      queue.push([itemFor('d', [])])
      await vi.advanceTimersByTimeAsync(600)
      expect(appends.map((a) => a.docs)).toEqual([['a'], ['b', 'c'], ['d']])
      expect(appends[2]!.at - appends[1]!.at).toBeGreaterThanOrEqual(399)
      expect(appends[2]!.at - appends[1]!.at).toBeLessThanOrEqual(401)
    } finally {
      vi.useRealTimers()
    }
  })

  it('stretches the pace up to twice the interval while edits are sparse, not under load', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    try {
      // One edit each 20 ms (a room of twelve typing): commits 60 ms apart instead of 30.
      const sparse = recordingStore()
      const sparseGaps = await typeSteadily(queueOn(sparse.store, 30, true), sparse.appends, 20)
      expect(sparseGaps.least).toBeGreaterThanOrEqual(59)
      expect(sparseGaps.most).toBeLessThanOrEqual(81)
      // One each 2 ms (ten rooms): every commit carries many, and the pace stays at 30 ms.
      const busy = recordingStore()
      const busyGaps = await typeSteadily(queueOn(busy.store, 30, true), busy.appends, 2)
      expect(busyGaps.least).toBeGreaterThanOrEqual(29)
      expect(busyGaps.most).toBeLessThanOrEqual(32)
      // Where other instances wait for commits, sparse edits keep the interval.
      const linked = recordingStore()
      const linkedGaps = await typeSteadily(queueOn(linked.store, 30, false), linked.appends, 20)
      expect(linkedGaps.most).toBeLessThanOrEqual(41)
    } finally {
      vi.useRealTimers()
    }
  })

  it('commits at once when told to, without waiting out the interval', async () => {
    const { store, appends } = recordingStore()
    const queue = queueOn(store, 60_000)
    queue.push([itemFor('a', [])])
    queue.push([itemFor('b', [])])
    const started = performance.now()
    await drain(queue)
    expect(appends.map((a) => a.docs)).toEqual([['a'], ['b']])
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('keeps a failed batch ahead of newer ones, acknowledges nothing until it is stored', async () => {
    const { store, appends, failNext } = recordingStore()
    const queue = queueOn(store, 0)
    const acks: number[] = []
    const notSaved: string[] = []
    failNext(1)
    queue.push([itemFor('first', acks, notSaved)])
    await new Promise((resolve) => setTimeout(resolve, 20))
    queue.push([itemFor('second', acks, notSaved)])
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(appends).toEqual([])
    expect(acks).toEqual([])
    // The first writer is told its edit is not stored; the failure is there for health.
    expect(notSaved).toEqual(['first'])
    expect(queue.failing?.code).toBeDefined()
    await drain(queue) // the retry comes a second later
    expect(appends.map((a) => a.docs)).toEqual([['first', 'second']])
    expect(acks).toEqual([1, 1])
    expect(queue.failing).toBeNull()
  })

  it('on a nearly full disk, stores what fits, oldest first, instead of waiting for room for all', async () => {
    const { store, appends, roomFor } = recordingStore()
    const queue = queueOn(store, 0)
    const acks: number[] = []
    roomFor(1)
    queue.push(['a', 'b', 'c'].map((name) => itemFor(name, acks)))
    await drain(queue)
    // 3 failed, then 2 failed, then one at a time: every edit stored, in order, all acknowledged.
    expect(appends.map((a) => a.docs)).toEqual([['a'], ['b'], ['c']])
    expect(acks).toEqual([1, 1, 1])
  }, 10_000)
})
