import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PAGE_LOADS } from '../../shared/routes/pageLoads.ts'
import { ROUTES } from './routes.tsx'

const here = dirname(fileURLToPath(import.meta.url))
const clientRoot = join(here, '..')

describe('what the server preloads for each page', () => {
  it('knows every route, in the same order', () => {
    expect(PAGE_LOADS.map((p) => p.path)).toEqual(ROUTES.map((r) => r.path))
  })

  it('names the modules the routes import, and they exist', () => {
    const source = readFileSync(join(here, 'routes.tsx'), 'utf8')
    const imported = [...source.matchAll(/import\('([^']+)'\)/g)].map((m) =>
      relative(clientRoot, join(here, m[1]!)),
    )
    expect(new Set(PAGE_LOADS.map((p) => p.module))).toEqual(new Set(imported))
    for (const page of PAGE_LOADS) expect(existsSync(join(clientRoot, page.module))).toBe(true)
  })

  it('asks who is signed in exactly on the pages that need it', () => {
    for (const route of ROUTES) {
      const load = PAGE_LOADS.find((p) => p.path === route.path)!
      expect(load.api.includes('/api/me'), route.path).toBe(!route.entry)
    }
  })
})
