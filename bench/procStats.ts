import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'

// Clock ticks per second for /proc/<pid>/stat; 100 on Linux almost everywhere, but asked once.
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())

/**
 * CPU time (all threads) that process `pid` has used so far, in microseconds: the scheduler's
 * own count of time on a core (/proc/<pid>/task/<tid>/schedstat, nanoseconds). The user and
 * system times in /proc/<pid>/stat are sampled at the clock tick (10 ms), which at one room
 * (a twentieth of a core, in bursts of a few hundred microseconds) swung 2× between runs.
 * Falls back to /proc/<pid>/stat where schedstat is missing. A thread that ended inside the
 * window drops out of the sum; the servers measured keep their threads for their lifetime.
 */
export function processCpuMicros(pid: number): number {
  if (!hasSchedstat) {
    const { user, system } = readStat(`/proc/${pid}/stat`)
    return user + system
  }
  let total = 0
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return total / 1000
}

const hasSchedstat = existsSync('/proc/self/schedstat')

/** The name and CPU (user, system; microseconds) of every thread of process `pid`, by id. */
/** CPU time of several processes together, in µs (one that has ended counts nothing). */
export function processesCpuMicros(pids: readonly number[]): number {
  let total = 0
  for (const pid of pids) {
    try {
      total += processCpuMicros(pid)
    } catch {
      // The process ended (a PostgreSQL backend whose connection closed).
    }
  }
  return total
}

/** Processes whose command is `name` (PostgreSQL's postmaster and its backends, say). */
export function pidsNamed(name: string): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry))
    } catch {
      // It ended while listing.
    }
  }
  return pids
}

export function threadCpuMicros(pid: number) {
  const threads = new Map<string, { name: string; user: number; system: number }>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    threads.set(tid, readStat(`/proc/${pid}/task/${tid}/stat`))
  }
  return threads
}

/** A /proc `stat` file: the command name and its user and system CPU time in microseconds. */
function readStat(path: string) {
  const stat = readFileSync(path, 'utf8')
  // The command name may contain spaces; the fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const micros = (ticks: string | undefined) => (Number(ticks) * 1_000_000) / ticksPerSecond
  return {
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    user: micros(fields[11]),
    system: micros(fields[12]),
  }
}

/** Resident set size now and at its peak (VmRSS, VmHWM), in MiB. */
export function processMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 }
}

/** This process's own CPU time so far, in microseconds (user + system). */
export function ownCpuMicros(): number {
  const { user, system } = process.cpuUsage()
  return user + system
}

/** Busy time of each core so far (all processes), in seconds, from /proc/stat. */
export function coreBusySeconds(): number[] {
  const lines = readFileSync('/proc/stat', 'utf8').split('\n')
  return lines
    .filter((l) => /^cpu\d+ /.test(l))
    .map((l) => {
      const [, ...ticks] = l.trim().split(/\s+/).map(Number)
      const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0)
      const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
      return (total - idle) / ticksPerSecond
    })
}
