import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireMember } from '../http/guards.ts'
import { libraryOf } from './libraryOf.ts'
import { searchLibrary } from './searchLibrary.ts'
import { memberGoalsView } from '../goals/memberGoals.ts'

/**
 * A member's library (`libraryOf.ts`) and the search over it. Opening any item goes through
 * the document's own access rule again.
 */
export function libraryRoutes(services: Services) {
  const app = new Hono<AppEnv>()

  app.get('/member/library', async (c) => {
    const member = requireMember(c)
    const data = await services.data()
    const library = await libraryOf(data, member, services.now())
    return c.json({
      // The stored names stay on the server: a private copy is opened by its alias.
      sessions: library.map(({ session, releasedUntil, items }) => ({
        session,
        releasedUntil,
        items: items.map(({ stored: _stored, ...item }) => item),
      })),
      // The group's goals and the member's own, kept across sessions (each opened by its rule).
      goals: await memberGoalsView(data, member.groupId, member.id, services.now()),
    })
  })

  app.get('/member/search', async (c) => {
    const member = requireMember(c)
    const query = (c.req.query('q') ?? '').trim()
    if (query.length < 2 || query.length > 100) {
      throw new HTTPException(400, { message: 'Search for 2 to 100 characters.' })
    }
    return c.json({ results: await searchLibrary(services, member, query) })
  })

  return app
}
