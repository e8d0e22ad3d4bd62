import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './AppEnv.ts'

/**
 * Serves the built client: hashed files under `/assets/` with a year of immutable caching, the
 * precompressed `.br` or `.gz` twin when the browser accepts it (the build writes both), the
 * app shell (`index.html`, revalidated every time) for client-side routes. Source maps are
 * never served, whatever is on disk: they would hand out the whole client's source.
 */
export function serveClient(app: Hono<AppEnv>, clientDir: string): void {
  if (!existsSync(join(clientDir, 'index.html'))) return
  app.get('*', async (c, next) => {
    if (c.req.path.endsWith('.map')) return c.text('Not Found', 404)
    await next()
    if (c.res.status !== 200) return
    c.header(
      'Cache-Control',
      c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
  })
  app.use('/*', serveStatic({ root: clientDir, precompressed: true }))
  // Client-side routes fall back to the app shell.
  app.get('/*', serveStatic({ root: clientDir, path: 'index.html', precompressed: true }))
}
