import { closeSync, fdatasync, openSync } from 'node:fs'

/**
 * Makes committed transactions durable off the event loop. The store's connection commits with
 * `synchronous = OFF`: SQLite writes the transaction's frames to the write-ahead log (in the
 * page cache, so a crashed process loses nothing) but does not wait for the disk. `sync()` then
 * runs fdatasync on the log file on libuv's thread pool; once it returns, every frame written
 * before it began is on the disk, which is what `synchronous = FULL` would have waited for
 * inside the commit. Measured: the commit's fsync had either stalled every socket (on the loop)
 * or cost a thread hand-off per commit (a writer thread), the larger part of a small commit.
 *
 * Callers that arrive while a sync runs share the next one: under load one fdatasync covers
 * many commits (group commit), and each caller is answered only by a sync that began after
 * its own write.
 */
export class WalSync {
  readonly #walPath: string
  #fd: number | null = null
  /** The sync running now, if any. */
  #running: Promise<void> | null = null
  /** The sync that will start when the running one ends, shared by everyone waiting for it. */
  #next: Promise<void> | null = null

  readonly #datasync: typeof fdatasync

  /** `datasync` is the system's fdatasync; tests pass a slower one to watch the grouping. */
  constructor(dbPath: string, datasync: typeof fdatasync = fdatasync) {
    this.#walPath = `${dbPath}-wal`
    this.#datasync = datasync
  }

  /** Resolves once everything written to the log before this call is on the disk. */
  sync(): Promise<void> {
    if (!this.#running) return this.#launch()
    this.#next ??= this.#running.catch(() => undefined).then(() => this.#launch())
    return this.#next
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd)
    this.#fd = null
  }

  #launch(): Promise<void> {
    this.#next = null
    // The log exists from the first commit on, and SQLite keeps the same file (it rewinds it
    // rather than replacing it) while any connection is open.
    this.#fd ??= openSync(this.#walPath, 'r')
    const fd = this.#fd
    const running: Promise<void> = new Promise<void>((resolve, reject) =>
      this.#datasync(fd, (error) => (error ? reject(error) : resolve())),
    ).finally(() => {
      if (this.#running === running) this.#running = null
    })
    this.#running = running
    return running
  }
}
