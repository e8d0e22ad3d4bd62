import type { ChildProcess } from 'node:child_process'

const live = new Set<ChildProcess>()
let installed = false

/**
 * Ensures `child` does not outlive the benchmark, even when a run fails half-way: every
 * process still alive when this one exits is sent SIGKILL.
 */
export function killOnExit(child: ChildProcess): void {
  live.add(child)
  child.once('exit', () => live.delete(child))
  if (installed) return
  installed = true
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL')
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(130))
  }
}
