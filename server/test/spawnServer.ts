import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { signDevToken } from '../auth/devToken.ts'

export interface ServerProcess {
  child: ChildProcess
  port: number
  wsUrl: string
  httpUrl: string
  dataDir: string
  secret: string
  token(grants?: { prefix: string; access: 'write' | 'read' }[]): string
  /** Sends `signal` and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Runs `server/main.js` (or `entry`: the built server) as its own process (same Node as the
 * tests), so that a test can kill it with SIGKILL or survive it hanging. Resolves once it logs
 * "listening".
 */
export async function spawnServer(
  opts: {
    dataDir?: string
    env?: Record<string, string>
    entry?: string
    nodeArgs?: string[]
  } = {},
): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'hearth-proc-'))
  const secret = 's'.repeat(40)
  const args = [...(opts.nodeArgs ?? []), opts.entry ?? 'server/main.js']
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: '0',
      HEARTH_DATA_DIR: dataDir,
      HEARTH_SECRET: secret,
      HEARTH_SERVE_CLIENT: 'false',
      LOG_LEVEL: 'info',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error('server did not start in 15 s')), 15_000)
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)))
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg === 'listening' && entry.port) {
          clearTimeout(timer)
          resolve(entry.port)
        }
      } catch {
        // not a log line
      }
    })
  })
  return {
    child,
    port,
    dataDir,
    secret,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    httpUrl: `http://127.0.0.1:${port}`,
    token: (grants = [{ prefix: '', access: 'write' }]) =>
      signDevToken(secret, { id: 'proc-test', grants, expiresAt: Date.now() + 3_600_000 }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
