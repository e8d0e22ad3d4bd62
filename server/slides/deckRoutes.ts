import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { deckDocName } from '../../shared/slides/deckNames.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { appendAudit } from '../audit/audit.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { STARTER_DECKS } from '../../shared/slides/starters/starterDecks.ts'
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
  const { db, now, sync } = services
  const app = new Hono<AppEnv>()
  const isEditor = db.sql.prepare(
    'SELECT 1 FROM deck_editors WHERE deck_id = ? AND facilitator_id = ?',
  )
  const colleaguesOf = (facilitatorId: string) =>
    db.sql
      .prepare(
        `SELECT DISTINCT f.id, f.display_name AS name FROM group_facilitators mine
         JOIN group_facilitators theirs ON theirs.group_id = mine.group_id
         JOIN facilitators f ON f.id = theirs.facilitator_id
         WHERE mine.facilitator_id = ? AND f.id != ? ORDER BY f.display_name`,
      )
      .all(facilitatorId, facilitatorId) as { id: string; name: string }[]

  app.get('/decks', (c) => {
    const me = requireFacilitator(c)
    const decks = db.sql
      .prepare(
        `SELECT d.id, d.title, d.owner_id = ? AS mine, d.created_at AS createdAt FROM decks d
         JOIN deck_editors e ON e.deck_id = d.id WHERE e.facilitator_id = ? ORDER BY d.created_at DESC`,
      )
      .all(me.id, me.id) as { id: string; title: string; mine: number; createdAt: number }[]
    const editors = db.sql.prepare(
      `SELECT f.id, f.display_name AS name FROM deck_editors e JOIN facilitators f ON f.id = e.facilitator_id
       WHERE e.deck_id = ? ORDER BY f.display_name`,
    )
    return c.json({
      decks: decks.map((d) => ({
        ...d,
        mine: d.mine === 1,
        document: deckDocName.deck(d.id),
        notes: deckDocName.notes(d.id),
        editors: editors.all(d.id),
      })),
      colleagues: colleaguesOf(me.id),
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
    db.transaction(() => {
      db.sql
        .prepare('INSERT INTO decks (id, owner_id, title, created_at) VALUES (?, ?, ?, ?)')
        .run(id, me.id, deckTitle, now())
      db.sql
        .prepare('INSERT INTO deck_editors (deck_id, facilitator_id) VALUES (?, ?)')
        .run(id, me.id)
      appendAudit(db, { actor: me, action: 'deck.created', target: { kind: 'deck', id } }, now())
    })
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
    if (!isEditor.get(deckId, me.id)) throw new HTTPException(403, { message: 'not allowed' })
    const { facilitatorId } = await parseBody(c, editorRequest)
    if (!colleaguesOf(me.id).some((f) => f.id === facilitatorId)) {
      throw new HTTPException(400, {
        message: 'Decks can be shared with facilitators of your groups only.',
      })
    }
    db.transaction(() => {
      const added = db.sql
        .prepare('INSERT OR IGNORE INTO deck_editors (deck_id, facilitator_id) VALUES (?, ?)')
        .run(deckId, facilitatorId)
      if (added.changes > 0) {
        appendAudit(
          db,
          {
            actor: me,
            action: 'deck.shared',
            target: { kind: 'deck', id: deckId },
            detail: { with: facilitatorId },
          },
          now(),
        )
      }
    })
    return c.json({ ok: true })
  })

  return app
}
