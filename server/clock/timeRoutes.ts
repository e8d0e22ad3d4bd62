import { Hono } from 'hono'
import type { AppEnv, Services } from '../http/AppEnv.ts'

/**
 * `GET /api/time`: the server's clock, for what every screen must do at the same moment
 * (breathing together). Browsers measure the round trip and work out how far their own clock
 * is off. Open to anyone: every HTTP answer already carries the server's date.
 */
export function timeRoutes(services: Services) {
  const app = new Hono<AppEnv>()
  app.get('/time', (c) => c.json({ now: services.now() }))
  return app
}
