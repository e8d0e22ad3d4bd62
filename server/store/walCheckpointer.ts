import { Worker } from 'node:worker_threads'

/** What a fold did, in frames of the log: all of them are in the file when the two are equal. */
export interface CheckpointResult {
  busy: number
  log: number
  checkpointed: number
}

export type CheckpointReply =
  ({ ok: true } & CheckpointResult) | { ok: false; name: string; message: string }

/** A fold that failed on its thread: SQLite's message (names no row, holds no content). */
export class CheckpointFailed extends Error {
  override name = 'CheckpointFailed'
}

/** How long the thread is kept after its last fold before it is let go (memory when idle). */
const IDLE_MS = 30_000

/**
 * Folds a WAL-mode SQLite file's log into the file on a thread of its own. A fold syncs the log
 * and then the database file; on the caller's loop it stopped every socket for 15–22 ms each
 * 256 commits (measured on this machine), which showed in fan-out at 10 rooms and slowed a join
 * that came at that moment. Folds do not overlap: asked while one runs, the caller gets that
 * one. The thread starts with the first commit (`warm`) and ends IDLE_MS after the last.
 */
export class WalCheckpointer {
  readonly #path: string
  #thread: Thread | null = null
  #running: Promise<CheckpointResult> | null = null
  #idleTimer: NodeJS.Timeout | null = null
  #closed = false

  constructor(path: string) {
    this.#path = path
  }

  /** The fold running now, if any. */
  get folding(): Promise<CheckpointResult> | null {
    return this.#running
  }

  checkpoint(): Promise<CheckpointResult> {
    if (this.#closed) return Promise.reject(new CheckpointFailed('the store is closed'))
    this.#running ??= this.#fold().finally(() => {
      this.#running = null
    })
    return this.#running
  }

  /**
   * Keeps the thread ready for a fold to come: started now if it is not running, and let go
   * only IDLE_MS after the last call. Starting it costs about 40 ms of CPU and it holds about
   * 18 MiB (measured on this machine, built server); a fold that had to start it would keep the
   * commit waiting for it that long.
   */
  warm(): void {
    if (this.#closed) return
    this.#thread ??= this.#start()
    this.#idleSoon()
  }

  /** Waits for a fold in progress, then ends the thread. */
  async close(): Promise<void> {
    this.#closed = true
    await this.#running?.catch(() => undefined)
    await this.#stop()
  }

  async #fold(): Promise<CheckpointResult> {
    const thread = (this.#thread ??= this.#start())
    // While a fold is awaited the thread keeps the process alive (a script whose last write
    // waits for a fold must not exit under it); idle, it does not.
    thread.worker.ref()
    try {
      const reply = await Promise.race([
        new Promise<CheckpointReply>((resolve) => {
          thread.worker.once('message', resolve)
          thread.worker.postMessage('fold')
        }),
        thread.exited.then((): never => {
          throw new CheckpointFailed(thread.error ?? 'the checkpoint thread ended')
        }),
      ])
      if (!reply.ok) throw new CheckpointFailed(`${reply.name}: ${reply.message}`)
      return { busy: reply.busy, log: reply.log, checkpointed: reply.checkpointed }
    } finally {
      thread.worker.unref()
      if (this.#thread === thread) this.#idleSoon()
    }
  }

  /** (Re)starts the wait after which an unused thread is let go. */
  #idleSoon(): void {
    if (this.#closed) return
    if (this.#idleTimer) {
      // Called on every commit: re-arming the timer allocates nothing.
      this.#idleTimer.refresh()
      return
    }
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null
      if (this.#running) this.#idleSoon()
      else void this.#stop()
    }, IDLE_MS)
    this.#idleTimer.unref()
  }

  #start(): Thread {
    const worker = new Worker(new URL('./checkpointThread.ts', import.meta.url), {
      workerData: { path: this.#path },
    })
    // A thread left waiting for folds must not keep the process alive.
    worker.unref()
    const thread: Thread = {
      worker,
      error: null,
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    }
    // Kept for the fold that is waiting (it fails with this message); the next fold starts a
    // new thread.
    worker.on('error', (error) => (thread.error = error.message))
    void thread.exited.then(() => {
      if (this.#thread === thread) this.#thread = null
    })
    return thread
  }

  async #stop(): Promise<void> {
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = null
    const thread = this.#thread
    this.#thread = null
    if (!thread) return
    thread.worker.ref()
    thread.worker.postMessage('close')
    await thread.exited
  }
}

interface Thread {
  worker: Worker
  /** Resolves when the thread has ended, however it ended. */
  exited: Promise<void>
  /** Why it ended, if it failed. */
  error: string | null
}
