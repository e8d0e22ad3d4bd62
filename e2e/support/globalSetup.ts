import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { TestProject } from 'vitest/node'
import { buildServer, SERVER_OUT_DIR } from '../../scripts/buildServer.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the server under test, which also serves the built client. */
    baseUrl: string
    /** The one-time link to create the first facilitator, on the `baseUrl` origin. */
    setupLink: string
    /** A second facilitator, made with the CLI, for journeys that must not use the set-up link. */
    roomFacilitator: { name: string; email: string; password: string }
    /** A third, to be added to a room's group as its co-facilitator. */
    coFacilitator: { name: string; email: string; password: string }
  }
}

const START_TIMEOUT_MS = 20_000
const STOP_TIMEOUT_MS = 10_000

/** A port that was free a moment ago. The server needs it before it starts, for its origin. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', resolve)
  })
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port from probe')
  return address.port
}

/** Resolves when the server logs "listening"; rejects if it exits first or takes too long. */
function whenListening(server: ChildProcess, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not log "listening" in time'), START_TIMEOUT_MS)
    const fail = (why: string) => {
      clearTimeout(timer)
      reject(new Error(`server ${why}:\n${output.join('\n')}`))
    }
    server.once('exit', (code, signal) => fail(`exited (${code ?? signal})`))
    createInterface({ input: server.stdout! }).on('line', (line) => {
      output.push(line)
      try {
        if ((JSON.parse(line) as { msg?: unknown }).msg === 'listening') {
          clearTimeout(timer)
          resolve()
        }
      } catch {
        // Not a log line; kept in `output` for the error message.
      }
    })
    createInterface({ input: server.stderr! }).on('line', (line) => output.push(line))
  })
}

async function waitForHealth(baseUrl: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return
    } catch {
      // Not accepting yet.
    }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/health never answered`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * The set-up link the server logs when it has no facilitator yet. It is logged on the server's
 * public origin; the browser must use the very origin of `baseUrl` (the login cookie and the
 * WebSocket origin check depend on it), so only its path and fragment are kept.
 */
async function setupLinkFrom(output: string[], baseUrl: string): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    for (const line of output) {
      try {
        const link = (JSON.parse(line) as { setupLink?: unknown }).setupLink
        if (typeof link === 'string') {
          const url = new URL(link)
          return `${baseUrl}${url.pathname}${url.hash}`
        }
      } catch {
        // Not a log line.
      }
    }
    if (Date.now() > deadline)
      throw new Error(`no setupLink in the server log:\n${output.join('\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const ROOM_FACILITATOR = {
  name: 'Dr Sam Rivers',
  email: 'sam@practice.example',
  password: 'meadow-harbour-lantern-4',
}

const CO_FACILITATOR = {
  name: 'Dr Ada Lowe',
  email: 'ada@practice.example',
  password: 'willow-granite-ember-7',
}

/** Creates a facilitator with `npm run facilitator`'s script, against the running server's data. */
function createFacilitator(env: NodeJS.ProcessEnv, who: typeof ROOM_FACILITATOR): Promise<void> {
  const cli = spawn(
    process.execPath,
    ['server/auth/createFacilitatorCli.ts', '--email', who.email, '--name', who.name],
    {
      env: { ...env, HEARTH_FACILITATOR_PASSWORD: who.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const output: string[] = []
  cli.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  cli.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  return new Promise((resolve, reject) => {
    cli.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`facilitator CLI failed:\n${output.join('')}`)),
    )
  })
}

/**
 * Keeps the server's log of the run in e2e/artifacts/server.log (structured lines, never
 * content) and prints what a failed journey may need, at most 40 lines: warnings, errors and
 * every connection the server closed (a presence or a socket lost mid-journey shows there).
 */
function reportServerLog(output: string[]): void {
  mkdirSync('e2e/artifacts', { recursive: true })
  writeFileSync('e2e/artifacts/server.log', `${output.join('\n')}\n`)
  const notable = output.filter((line) => {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string }
      return (
        (entry.level ?? 0) >= 40 || /^closing (connection|multiplexed socket)/.test(entry.msg ?? '')
      )
    } catch {
      return false
    }
  })
  if (notable.length === 0) return
  process.stderr.write(
    `\nThe server's warnings and closes during the browser tests (${notable.length}; all in e2e/artifacts/server.log):\n${notable.slice(-40).join('\n')}\n`,
  )
}

/**
 * Builds the server as `npm start` runs it (`dist/server`, from the current sources: half a
 * second) and starts it on a free port with its own data folder, in front of the client that
 * `npm run test:e2e` has just built; stops it after the run.
 */
export default async function setup({ provide }: TestProject) {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const dataDir = await mkdtemp(join(tmpdir(), 'hearth-e2e-'))
  // Vitest runs on the Node the npm script put first on PATH (24), which runs TypeScript.
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    HEARTH_DATA_DIR: dataDir,
    HEARTH_PUBLIC_ORIGIN: baseUrl,
    HEARTH_PLAYGROUND: 'true',
    HEARTH_SERVE_CLIENT: 'true',
    LOG_LEVEL: 'info',
  }
  await buildServer()
  const server = spawn(process.execPath, [join(SERVER_OUT_DIR, 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM')
      const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
    }
    await rm(dataDir, { recursive: true, force: true })
    reportServerLog(output)
  }
  let setupLink: string
  try {
    await whenListening(server, output)
    await waitForHealth(baseUrl)
    setupLink = await setupLinkFrom(output, baseUrl)
    await createFacilitator(env, ROOM_FACILITATOR)
    await createFacilitator(env, CO_FACILITATOR)
  } catch (error) {
    await stop()
    throw error
  }
  provide('baseUrl', baseUrl)
  provide('setupLink', setupLink)
  provide('roomFacilitator', ROOM_FACILITATOR)
  provide('coFacilitator', CO_FACILITATOR)
  return stop
}
