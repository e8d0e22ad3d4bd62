import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lazyAmong } from './test/lazyPackages.ts'

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
    expect(lazyAmong(packages)).toEqual([])
  })
})
