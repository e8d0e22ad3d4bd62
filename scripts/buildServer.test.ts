import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectProvider, eventually, type TestClient } from '../server/test/connectProvider.ts'
import { sharedServices } from '../server/test/sharedServices.ts'
import { lazyAmong } from '../server/test/lazyPackages.ts'
import { spawnServer, type ServerProcess } from '../server/test/spawnServer.ts'
import { buildServer } from './buildServer.ts'

// Inside the project, as dist/server is: the bundle finds node_modules by walking up.
const outDir = `dist/server-test-${process.pid}`

// Loaded before the server with --import: writes each package the process resolves, a line each.
const recordPackages = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module'
import { appendFileSync } from 'node:fs'
const seen = new Set()
registerHooks({
  resolve(specifier, context, next) {
    if (!/^([./]|[a-z]+:)/.test(specifier) && !seen.has(specifier)) {
      seen.add(specifier)
      appendFileSync(process.env.PACKAGES_FILE, specifier + '\\n')
    }
    return next(specifier, context)
  },
})`)}`

describe('the built server (dist/server, as npm start runs it)', () => {
  let server: ServerProcess | undefined
  const clients: TestClient[] = []
  const cleanups: (() => Promise<unknown>)[] = []
  beforeAll(() => buildServer(outDir), 30_000)
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.stop()
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  afterAll(() => rmSync(outDir, { recursive: true, force: true }))

  it('holds every file its code starts by path (the backup thread)', () => {
    const started: string[] = []
    for (const file of readdirSync(outDir).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(join(outDir, file), 'utf8')
      for (const [, path] of code.matchAll(/new URL\("(\.[^"]+)", import\.meta\.url\)/g)) {
        started.push(path!)
      }
    }
    expect(started).toContain('./backupThread.js')
    for (const path of started) expect(existsSync(join(outDir, path)), path).toBe(true)
  })

  it('starts without the packages kept for first use, then stores an edit across a restart', async () => {
    const packagesFile = join(outDir, 'packages.txt')
    server = await spawnServer({
      entry: join(outDir, 'main.js'),
      nodeArgs: ['--import', recordPackages],
      env: { PACKAGES_FILE: packagesFile },
    })
    const atStart = readFileSync(packagesFile, 'utf8').split('\n').filter(Boolean)
    expect(atStart).toContain('yjs')
    expect(lazyAmong(atStart)).toEqual([])

    const writer = connectProvider(server.wsUrl, 'built/doc', server.token())
    clients.push(writer)
    await writer.synced()
    writer.text.insert(0, 'kept by the built server')
    await writer.saved()
    writer.destroy()
    await server.stop('SIGKILL')

    const { dataDir } = server
    server = await spawnServer({ entry: join(outDir, 'main.js'), dataDir })
    const reader = connectProvider(server.wsUrl, 'built/doc', server.token())
    clients.push(reader)
    await reader.synced()
    expect(reader.text.toString()).toBe('kept by the built server')
  })

  it('runs as two instances on PostgreSQL and Redis (the packages it loads later)', async () => {
    const { env: services } = await sharedServices('built', cleanups)
    const env = { ...services, HEARTH_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') }
    const entry = join(outDir, 'main.js')
    // One at a time: the first makes the tables (two at once on a new database wait on each other).
    const first = await spawnServer({ entry, env })
    const second = await spawnServer({ entry, env })
    cleanups.push(
      () => first.stop(),
      () => second.stop(),
    )
    const writer = connectProvider(first.wsUrl, 'built/shared', first.token())
    const reader = connectProvider(second.wsUrl, 'built/shared', second.token())
    clients.push(writer, reader)
    await Promise.all([writer.synced(), reader.synced()])
    writer.text.insert(0, 'across instances')
    await writer.saved()
    await eventually(
      () => reader.text.toString() === 'across instances',
      'the edit on the other instance',
    )
  })
})
