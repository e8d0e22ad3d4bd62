import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { buildServer, SERVER_OUT_DIR } from '../../scripts/buildServer.ts'
import { signDevToken } from '../../server/auth/devToken.ts'
import type { TargetInfo, TargetName } from '../client/BenchClient.ts'
import { killOnExit } from '../killOnExit.ts'

/** The core every server runs on; clients get the other one. */
export const SERVER_CORE = '0'

export interface TargetOptions {
  /** Reuse the store of an earlier process (a restart); a fresh temporary directory otherwise. */
  dataDir?: string
  /** Extra environment, e.g. Hearth's limits. */
  env?: Record<string, string>
  /**
   * Hocuspocus: add its Database extension, storing to SQLite in `dataDir`; the y-websocket
   * server: its LevelDB persistence (`YPERSISTENCE`) in `dataDir`.
   */
  persist?: boolean
  /** Write a V8 CPU profile into this directory when the process exits. */
  cpuProfDir?: string
}

/** Hearth's own latency over a window (server/sync/LatencyRecorder.ts), in ms. */
export interface SyncLatencyReport {
  relay: { n: number; p50: number; p95: number; p99: number; max: number } | null
  durable: { n: number; p50: number; p95: number; p99: number; max: number } | null
}

export interface RunningTarget {
  info: TargetInfo
  child: ChildProcess
  dataDir: string
  /** The last lines the process wrote besides starting and stopping (warnings, errors). */
  output(): string
  /** Hearth's "sync latency" log lines (answers to SIGUSR2), oldest first. */
  latencyReports(): SyncLatencyReport[]
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

const HEARTH_SECRET = 'bench-secret-'.padEnd(40, 'x')
const BENCH_MASTER_KEY = Buffer.alloc(32, 7).toString('base64')

const entry: Record<TargetName, string> = {
  // As `npm start` runs it: built from the sources as they were when the bench started.
  hearth: join(SERVER_OUT_DIR, 'main.js'),
  hocuspocus: 'bench/targets/hocuspocusMain.ts',
  'y-websocket': 'bench/targets/yWebsocketMain.ts',
  floor: 'bench/targets/floorMain.ts',
}

let hearthBuilt: Promise<void> | undefined

/** Builds what the server runs from, once per bench process (Hearth's bundle: half a second). */
export function prepareTarget(name: TargetName): Promise<void> {
  return name === 'hearth' ? (hearthBuilt ??= buildServer()) : Promise.resolve()
}

/**
 * Starts one server as its own process, pinned to SERVER_CORE with taskset, on 127.0.0.1 at
 * a free port; resolves once it reports the port.
 */
export async function spawnTarget(
  name: TargetName,
  opts: TargetOptions = {},
): Promise<RunningTarget> {
  // Hearth's sources may be mid-edit while the bench runs: a start that fails is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(name, opts)
    } catch (error) {
      if (attempt === START_ATTEMPTS) throw error
      process.stderr.write(`${name} failed to start (attempt ${attempt}), retrying: ${error}\n`)
      await new Promise((r) => setTimeout(r, 5_000))
    }
  }
}

const START_ATTEMPTS = 3

/**
 * Lines a server prints on every start, not anomalies: Hearth's start-up banner (on stderr; it
 * carries a set-up link, which has no place in a results file) and the y-websocket server's
 * note that it persists to LevelDB.
 */
const expected = (line: string) =>
  line.startsWith('Hearth is running at') || line.startsWith('Persisting documents to')

let scratch: string | null = null

/** One temporary directory for every store of this bench process, removed when it exits. */
function scratchDir(): string {
  if (scratch) return scratch
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-stores-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  return (scratch = dir)
}

async function startOnce(name: TargetName, opts: TargetOptions): Promise<RunningTarget> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(scratchDir(), `${name}-`))
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: '0',
    ...(name === 'hearth' && {
      HEARTH_DATA_DIR: dataDir,
      HEARTH_SECRET,
      // A key from configuration, as in production (a generated one is warned about).
      HEARTH_MASTER_KEY: BENCH_MASTER_KEY,
      HEARTH_SERVE_CLIENT: 'false',
      HEARTH_PLAYGROUND: 'false',
      // 'listening' is an info line; nothing on the sync path logs at info.
      LOG_LEVEL: 'info',
    }),
    ...(name === 'hocuspocus' &&
      opts.persist && { BENCH_HOCUSPOCUS_DB: join(dataDir, 'hocuspocus.sqlite') }),
    // The reference server's own LevelDB persistence (y-leveldb), switched on as its README says.
    ...(name === 'y-websocket' && opts.persist && { YPERSISTENCE: join(dataDir, 'leveldb') }),
    ...opts.env,
  }
  const profile = opts.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir] : []
  // BENCH_SERVER_FLAGS: extra node flags for the server, e.g. --perf-basic-prof for `perf`.
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)
  await prepareTarget(name)
  // A profile names Hearth's source files (the bundle would name its chunks): run from source.
  const file = name === 'hearth' && opts.cpuProfDir ? 'server/main.js' : entry[name]
  const args = ['-c', SERVER_CORE, process.execPath, ...flags, ...profile, file]
  const child = spawn('taskset', args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // The last warnings, errors, server-side closes and non-JSON lines, for the report.
  const output: string[] = []
  const latency: SyncLatencyReport[] = []
  const keep = (text: string) => {
    output.push(text)
    if (output.length > 50) output.shift()
  }
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    const lines = text.split('\n').filter((l) => l.trim() !== '' && !expected(l))
    if (lines.length > 0) keep(lines.join('\n'))
  })
  killOnExit(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name} did not start in 20 s: ${output.join('\n').slice(-2000)}`))
    }, 20_000)
    child.once('exit', (code) =>
      reject(new Error(`${name} exited early with ${code}: ${output.join('\n').slice(-2000)}`)),
    )
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; port?: number; level?: number } & Partial<SyncLatencyReport> = {}
      try {
        entry = JSON.parse(line) as typeof entry
      } catch {
        // not a JSON line: kept below
      }
      if (entry.msg === 'sync latency') {
        latency.push({ relay: entry.relay ?? null, durable: entry.durable ?? null })
      } else if (entry.msg === 'listening' && entry.port) {
        clearTimeout(timer)
        resolve(entry.port)
      } else if (entry.msg?.startsWith('HEARTH_BENCH_UNSEALED') || expected(line)) {
        // The unsealed variant's own warning: expected, not an anomaly.
      } else if (
        entry.level === undefined ||
        entry.level >= 40 ||
        entry.msg === 'closing connection'
      ) {
        keep(line)
      }
    })
  })
  const token =
    name === 'hearth'
      ? signDevToken(HEARTH_SECRET, {
          id: 'bench',
          grants: [{ prefix: '', access: 'write' }],
          expiresAt: Date.now() + 6 * 3_600_000,
        })
      : undefined
  const target: RunningTarget = {
    info: { name, port, pid: child.pid!, ...(token && { token }) },
    child,
    dataDir,
    output: () => output.join('\n'),
    latencyReports: () => [...latency],
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
  return target
}
