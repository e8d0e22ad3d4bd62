import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { deckDocName } from '../../shared/slides/deckNames.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { STARTER_DECKS } from '../../shared/slides/starters/starterDecks.ts'
import { colleaguesOf, createDeck, decksOf, isDeckEditor, shareDeck } from './deckQueries.ts'
import type * as SeedDeck from './seedDeck.ts'

const title = z.string().trim().min(1, 'Give the deck a title.').max(120)
const createRequest = z.union([
  z.object({ title }).strict(),
  // A copy of a deck that ships with Hearth.
  z.object({ starter: z.enum(STARTER_DECKS.map((d) => d.id) as [string, ...string[]]) }).strict(),
])
const editorRequest = z.object({ facilitatorId: z.string().max(64) }).strict()

/** Seeding brings TipTap and ProseMirror: loaded with the first new deck, not at every start. */
let seeding: Promise<typeof SeedDeck> | null = null
const loadSeedDeck = () => (seeding ??= import('./seedDeck.ts'))

/**
 * A facilitator's library of decks: create one (seeded on the server with its title slide),
 * list those they may edit, and share one with a colleague, any facilitator who works in a
 * group with them (listed by name: no email lookup, so nothing tells who has an account).
 */
export function deckRoutes(services: Services) {
  const { now, sync } = services
  const app = new Hono<AppEnv>()

  app.get('/decks', async (c) => {
    const me = requireFacilitator(c)
    const data = await services.data()
    const decks = await decksOf(data, me.id)
    return c.json({
      decks: decks.map(({ editors, ...d }) => ({
        ...d,
        document: deckDocName.deck(d.id),
        notes: deckDocName.notes(d.id),
        editors,
      })),
      colleagues: await colleaguesOf(data, me.id),
      starters: STARTER_DECKS.map(({ id, title, summary }) => ({ id, title, summary })),
    })
  })

  app.post('/decks', async (c) => {
    const me = requireFacilitator(c)
    const body = await parseBody(c, createRequest)
    const starter = 'starter' in body ? STARTER_DECKS.find((d) => d.id === body.starter)! : null
    const deckTitle = starter ? starter.title : (body as { title: string }).title
    const id = newId('deck')
    const { seedDeck, titleSlide } = await loadSeedDeck()
    await createDeck(await services.data(), { id, ownerId: me.id, title: deckTitle }, me, now())
    await sync.serverWrite(deckDocName.deck(id) as DocName, (doc) =>
      starter
        ? seedDeck(doc, starter.title, starter.slides, starter.note)
        : seedDeck(doc, deckTitle, [titleSlide(deckTitle)]),
    )
    return c.json({ id, document: deckDocName.deck(id), notes: deckDocName.notes(id) }, 201)
  })

  app.post('/decks/:deckId/editors', async (c) => {
    const me = requireFacilitator(c)
    const deckId = c.req.param('deckId')
    const data = await services.data()
    if (!(await isDeckEditor(data, deckId, me.id))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const { facilitatorId } = await parseBody(c, editorRequest)
    if (!(await colleaguesOf(data, me.id)).some((f) => f.id === facilitatorId)) {
      throw new HTTPException(400, {
        message: 'Decks can be shared with facilitators of your groups only.',
      })
    }
    await shareDeck(data, deckId, facilitatorId, me, now())
    return c.json({ ok: true })
  })

  return app
}
