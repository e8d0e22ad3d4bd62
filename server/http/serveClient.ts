import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './AppEnv.ts'
import { readAppShell } from './appShell.ts'

/**
 * Serves the built client: hashed files under `/assets/` with a year of immutable caching, the
 * precompressed `.br` or `.gz` twin when the browser accepts it (the build writes both), the
 * app shell (`index.html`, revalidated every time, naming the page's chunks and first API
 * answers for preloading) for client-side routes. Source maps and the build's own dot-folders
 * (Vite's manifest) are never served, whatever is on disk: a map would hand out the whole
 * client's source.
 */
export function serveClient(app: Hono<AppEnv>, clientDir: string): void {
  if (!existsSync(join(clientDir, 'index.html'))) return
  const shell = readAppShell(clientDir)
  app.get('*', async (c, next) => {
    if (c.req.path.endsWith('.map') || c.req.path.includes('/.')) return c.text('Not Found', 404)
    await next()
    if (c.res.status !== 200) return
    c.header(
      'Cache-Control',
      c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
  })
  const page = serveStatic({ root: clientDir, precompressed: true })
  app.use('/*', (c, next) =>
    c.req.path === '/' || c.req.path === '/index.html' ? next() : page(c, next),
  )
  // Client-side routes (and `/`) get the app shell.
  app.get('/*', (c) => c.html(shell(c.req.path)))
}
