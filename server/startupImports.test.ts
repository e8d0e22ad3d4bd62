import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/** Packages only a few routes need: each loads on first use, never with the server's modules. */
const LAZY = [
  '@zxcvbn-ts/',
  '@tiptap/',
  'prosemirror-',
  'livekit-server-sdk',
  'pdfkit',
  'fflate',
  'web-push',
  'otpauth',
  'unhomoglyph',
  // Kysely (issue 21): about 70 ms to load; the first sign-in or sweep loads it.
  'kysely',
  // PostgreSQL and Redis: only with DATABASE_URL and REDIS_URL.
  'pg',
  'ioredis',
]

const entry = fileURLToPath(new URL('./startServer.ts', import.meta.url))

// In a fresh Node (this worker has loaded much more): every package resolved, by import or by
// require, while the server's modules load.
const script = `
import { registerHooks } from 'node:module'
const packages = new Set()
registerHooks({
  resolve(specifier, context, next) {
    if (!/^([./]|[a-z]+:)/.test(specifier)) packages.add(specifier)
    return next(specifier, context)
  },
})
await import(${JSON.stringify(entry)})
process.stdout.write(JSON.stringify([...packages]))
`

describe('start-up imports', () => {
  it('loads none of the packages kept for first use', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '--eval',
      script,
    ])
    const packages = JSON.parse(stdout) as string[]
    expect(packages).toContain('yjs')
    expect(packages.filter((name) => LAZY.some((lazy) => name.startsWith(lazy)))).toEqual([])
  })
})
