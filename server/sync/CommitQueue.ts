import type { DocName } from '../../shared/documents/docName.ts'
import type { Logger } from '../log/logger.ts'
import type { AppendEntry, DocStore } from '../store/DocStore.ts'
import { storeErrorCode } from '../store/storeErrorCode.ts'
import { compactRoom, isCompactionDue } from './compactRoom.ts'
import type { DocRoom, PendingBatch } from './DocRoom.ts'
import type { LatencyRecorder } from './LatencyRecorder.ts'
import type { SyncConnection } from './SyncConnection.ts'

/** One room's share of a flush: the merged update (null if only acks are owed) and its batch. */
export interface CommitItem {
  room: DocRoom<SyncConnection>
  batch: PendingBatch<SyncConnection>
  update: Uint8Array | null
}

export interface CommitQueueOptions {
  store: DocStore
  log: Logger
  compaction: { maxRows: number; maxBytes: number }
  /** Least time between the starts of two commits (see SyncServerOptions). */
  commitIntervalMs: number
  /** Records apply → durable ack for each batch. */
  durable: LatencyRecorder
  /** After a commit and its acks, with the rooms it covered. */
  afterCommit(rooms: DocRoom<SyncConnection>[]): void
  /**
   * Told each room's update once it is on the disk, before its writers are acknowledged: what
   * other instances may now relay (they hold nothing the store has not).
   */
  durableUpdate?(room: DocRoom<SyncConnection>, update: Uint8Array): void
  /**
   * Whether the pace may stretch while edits are sparse (default yes). Not while other
   * instances relay only what is committed: their members would wait for the stretch.
   */
  mayStretch?(): boolean
  /** Folds a room's log (default `compactRoom`; several instances read the store first). */
  compact?(room: DocRoom<SyncConnection>): Promise<void>
}

const RETRY_MS = 1000
/**
 * How long past the pace, as a share of the interval, a queued commit waits for a flush to ride
 * before its own timer fires (10 ms at the default 30).
 */
const RIDE_SLACK = 1 / 3
/**
 * While few edits come, the pace stretches up to this many times the interval, aiming for a
 * commit to carry QUIET_BATCH updates. A commit's cost hardly depends on its size (an fdatasync,
 * a transaction, the wakes of a thread hand-off): at one room of twelve typing, stretching to
 * 60 ms took the server's CPU per delivered edit from 109 to 91 µs (medians, alternating runs).
 * Under load a commit carries many updates at the interval itself, and it does not stretch.
 */
const QUIET_STRETCH = 2
const QUIET_BATCH = 8

/**
 * The write path after the relay. One commit at a time: whatever queued up while the previous
 * one waited for fsync goes into the next transaction (group commit), so under load batches
 * grow instead of the queue; and commits start at least `commitIntervalMs` apart. Writers are
 * acknowledged only after their commit. A failed commit keeps its items ahead of newer ones
 * and is retried; nothing is acknowledged meanwhile.
 */
export class CommitQueue {
  readonly #opts: CommitQueueOptions
  /** Relayed, not yet committed, oldest first. */
  readonly #queue: CommitItem[] = []
  #inFlight: Promise<void> | null = null
  #retryTimer: NodeJS.Timeout | null = null
  #paceTimer: NodeJS.Timeout | null = null
  #lastCommitAt = -Infinity
  /** Updates per millisecond carried by recent commits (smoothed), for the pace. */
  #rate = 0
  /** Set at shutdown: from then on nothing waits out the pace. */
  #hurry = false
  /**
   * How many items the next commit may take. After a batch of several fails, the retry takes
   * the older half, and so on down to one: on a nearly full disk what fits is stored (and its
   * writers acknowledged) instead of waiting until the whole backlog fits. A success lifts it.
   */
  #limit = Number.POSITIVE_INFINITY
  /** While commits fail: since when (performance.now()) and SQLite's code. For health. */
  failing: { since: number; code: string } | null = null

  constructor(opts: CommitQueueOptions) {
    this.#opts = opts
  }

  push(items: CommitItem[]): void {
    this.#queue.push(...items)
    this.#commit()
  }

  /** Nothing queued, in flight or waiting to be retried. */
  get idle(): boolean {
    return !this.#inFlight && !this.#retryTimer && !this.#paceTimer && this.#queue.length === 0
  }

  /** One step towards idle: waits for the commit in flight or the retry, or ends the pace. */
  async settle(): Promise<void> {
    if (this.#inFlight) await this.#inFlight
    else if (this.#paceTimer) this.commitNow()
    else if (this.#retryTimer) await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
    else this.#commit()
  }

  /** Commits what is queued without waiting out the pace; `forGood` keeps it so (shutdown). */
  commitNow(forGood = false): void {
    this.#hurry ||= forGood
    if (this.#paceTimer) clearTimeout(this.#paceTimer)
    this.#paceTimer = null
    this.#lastCommitAt = -Infinity
    this.#commit()
  }

  /** Stops retrying; what is still queued stays unacknowledged. */
  stop(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    this.#retryTimer = null
    this.commitNow(true)
  }

  /** The least time between two commits now: the interval, stretched while edits are sparse. */
  get paceMs(): number {
    const interval = this.#opts.commitIntervalMs
    if (this.#rate === 0 || this.#opts.mayStretch?.() === false) return interval
    return Math.min(interval * QUIET_STRETCH, Math.max(interval, QUIET_BATCH / this.#rate))
  }

  #commit(): void {
    if (this.#inFlight || this.#retryTimer || this.#queue.length === 0) return
    const pace = this.paceMs
    const wait = this.#lastCommitAt + pace - performance.now()
    if (wait > 0 && !this.#hurry) {
      // The commit rides the first flush after the pace is over (a socket read that woke the
      // process anyway); the timer, a little later, is for when no edit comes. At one room a
      // timer of its own was a third of the wakes per update, each costing more than the
      // commit it carried.
      this.#paceTimer ??= setTimeout(
        () => {
          this.#paceTimer = null
          this.#commit()
        },
        wait + pace * RIDE_SLACK,
      )
      return
    }
    if (this.#paceTimer) clearTimeout(this.#paceTimer)
    this.#paceTimer = null
    const now = performance.now()
    const items = this.#queue.splice(0, this.#limit)
    this.#measureRate(items, now - this.#lastCommitAt)
    this.#lastCommitAt = now
    const entries: AppendEntry[] = []
    for (const { room, update } of items) if (update) entries.push({ doc: room.name, update })
    const done =
      entries.length === 0 ? Promise.resolve(new Map()) : this.#opts.store.append(entries)
    this.#inFlight = done
      .then(
        (seqs) => this.#committed(items, seqs),
        (error: unknown) => this.#failed(items, error),
      )
      .finally(() => {
        this.#inFlight = null
        this.#commit()
      })
  }

  /** Folds the updates of this commit, gathered over `gatheredMs`, into the smoothed rate. */
  #measureRate(items: CommitItem[], gatheredMs: number): void {
    let updates = 0
    for (const { batch } of items) updates += batch.updates.length
    // After a pause (or the first commit) the gap says nothing about the rate: the edit came
    // alone, and so does the next.
    const rate = updates / Math.max(gatheredMs, this.#opts.commitIntervalMs)
    this.#rate = Number.isFinite(gatheredMs) ? this.#rate * 0.7 + rate * 0.3 : rate
  }

  async #committed(items: CommitItem[], seqs: Map<DocName, number>): Promise<void> {
    this.#limit = Number.POSITIVE_INFINITY
    if (this.failing) {
      this.#opts.log.info({ code: this.failing.code }, 'commits succeed again')
      this.failing = null
    }
    const due = new Set<DocRoom<SyncConnection>>()
    const now = performance.now()
    for (const { room, batch, update } of items) {
      if (batch.since !== null) this.#opts.durable.record(now - batch.since)
      if (update) {
        room.lastSeq = seqs.get(room.name) ?? room.lastSeq
        room.rowsSinceSnapshot++
        room.bytesSinceSnapshot += update.byteLength
        room.updatesSinceSnapshot += batch.updates.length
        this.#opts.durableUpdate?.(room, update)
      }
      for (const [member, count] of batch.acks) member.sendAck(count, batch.since)
      if (isCompactionDue(room, this.#opts.compaction)) due.add(room)
    }
    for (const room of due) {
      if (this.#opts.compact) await this.#opts.compact(room)
      else await compactRoom(room, this.#opts.store, this.#opts.log)
    }
    this.#opts.afterCommit(items.map((i) => i.room))
  }

  #failed(items: CommitItem[], error: unknown): void {
    const code = storeErrorCode(error)
    this.failing ??= { since: performance.now(), code }
    this.failing.code = code
    this.#opts.log.error({ err: error, code, docs: items.length }, 'commit failed; will retry')
    // The writers' edits reached the others live but are not on disk: they are told, so their
    // "Saved" says so instead of "Saving…" for ever. An ack after the retry clears it.
    for (const { batch } of items) for (const member of batch.acks.keys()) member.sendNotSaved()
    this.#queue.unshift(...items)
    if (items.length > 1) this.#limit = Math.ceil(items.length / 2)
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      this.#commit()
    }, RETRY_MS)
  }
}
