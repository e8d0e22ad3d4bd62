import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Logger } from '../log/logger.ts'

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void

/**
 * One memory-reducing collection. Loading some 250 modules, or a busy session, allocates fast
 * and keeps much of it, so V8 grows its young generation to its largest (64 MiB) and keeps it,
 * with what the garbage left, for the life of the process: measured, 153 MiB resident when
 * idle after start-up, 112 MiB after this (the peers idle at 88–97 MiB). It costs one full
 * collection (about 20–40 ms), and more collecting afterwards while the heap grows back under
 * load (measured at 10 rooms: 90 → 250 ms of GC in 15 s), hence only when quiet.
 *
 * V8 offers this collection only to scripts started with --expose-gc; turning the flag on for
 * the moment of taking `gc` (and off again) spares every way of starting the server a flag.
 * Returns the milliseconds it took, or null when this Node does not allow it.
 */
export function reclaimMemory(): number | null {
  let gc: Gc
  try {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as Gc
  } catch {
    return null
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
  if (typeof gc !== 'function') return null
  const started = performance.now()
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  return performance.now() - started
}

export interface QuietReclaimOptions {
  /** A count that grows with the server's work (joins, edits). */
  activity: () => number
  log: Logger
  /** How often activity is looked at. */
  checkMs?: number
  /** How many looks in a row must find nothing new before memory is given back. */
  quietChecks?: number
  reclaim?: () => number | null
}

/**
 * Gives memory back once the server has been quiet for a while (no join or edit for `checkMs ×
 * quietChecks`, 10 s by default), once per quiet spell: after start-up, and between sessions.
 * Never under load, where a small heap would cost CPU. Returns a function that stops it.
 */
export function reclaimWhenQuiet(options: QuietReclaimOptions): () => void {
  const { activity, log, checkMs = 5_000, quietChecks = 2, reclaim = reclaimMemory } = options
  let seen = activity()
  let quiet = 0
  let reclaimed = false
  const timer = setInterval(() => {
    const now = activity()
    if (now !== seen) {
      seen = now
      quiet = 0
      reclaimed = false
      return
    }
    if (reclaimed || ++quiet < quietChecks) return
    reclaimed = true
    const ms = reclaim()
    const rssMiB = Math.round(process.memoryUsage.rss() / 1048576)
    log.info({ ms, rssMiB }, ms === null ? 'memory not reclaimed (no gc here)' : 'memory reclaimed')
  }, checkMs)
  timer.unref()
  return () => clearInterval(timer)
}
