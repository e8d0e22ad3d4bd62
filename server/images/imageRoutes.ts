import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireFacilitator, requirePrincipal } from '../http/guards.ts'
import { imageBytes, storeImage } from './storeImage.ts'
import { canvasDocsUsing } from '../whiteboard/canvasImages.ts'

const HASH = /^[0-9a-f]{64}$/

/**
 * Images for slides and the whiteboard: uploaded by a deck's editors (and, on the whiteboard,
 * by whoever may draw where the image goes: canvasImageRoutes.ts), sniffed from their bytes,
 * stored once by content hash, and served only to whoever may see a deck, session copy or
 * canvas that uses them, with headers that keep a browser from ever treating one as a page.
 */
export function imageRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()

  app.post('/decks/:deckId/images', async (c) => {
    const me = requireFacilitator(c)
    const deckId = c.req.param('deckId')
    const editor = db.sql
      .prepare('SELECT 1 FROM deck_editors WHERE deck_id = ? AND facilitator_id = ?')
      .get(deckId, me.id)
    if (!editor) throw new HTTPException(403, { message: 'not allowed' })
    const stored = await storeImage(c, services, now(), (hash) =>
      db.sql
        .prepare('INSERT OR IGNORE INTO deck_images (deck_id, hash) VALUES (?, ?)')
        .run(deckId, hash),
    )
    return c.json(stored, 201)
  })

  app.get('/images/:hash', async (c) => {
    const principal = requirePrincipal(c)
    const hash = c.req.param('hash')
    if (!HASH.test(hash) || !(await mayFetch(services, principal, hash))) {
      // Unknown, or not this person's to see: the same answer.
      throw new HTTPException(404, { message: 'no such image' })
    }
    const image = imageBytes(db, services.keys, hash)
    if (!image) throw new HTTPException(404, { message: 'no such image' })
    return c.body(new Uint8Array(image.data), 200, {
      'content-type': image.type,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': 'inline',
      'cache-control': 'private, max-age=3600',
    })
  })

  return app
}

/**
 * A deck's editors; whoever may read a session's copy of a deck, or a canvas layer or own
 * canvas, that uses the image (the document's own rule decides, so release, retention and a
 * member's privacy hold).
 */
async function mayFetch(
  services: Services,
  principal: ReturnType<typeof requirePrincipal>,
  hash: string,
): Promise<boolean> {
  const { db } = services
  if (principal.kind === 'facilitator') {
    const editor = db.sql
      .prepare(
        `SELECT 1 FROM deck_images i JOIN deck_editors e ON e.deck_id = i.deck_id
         WHERE i.hash = ? AND e.facilitator_id = ?`,
      )
      .get(hash, principal.id)
    if (editor) return true
  }
  const copies = db.sql
    .prepare(
      `SELECT h.id, h.session_id AS sessionId, s.group_id AS groupId FROM handout_images i
       JOIN handouts h ON h.id = i.handout_id JOIN sessions s ON s.id = h.session_id
       WHERE i.hash = ?`,
    )
    .all(hash) as { id: string; sessionId: string; groupId: string }[]
  const docs = copies.map(
    (copy) => sessionDocName.handout(copy.groupId, copy.sessionId, copy.id) as DocName,
  )
  docs.push(...canvasDocsUsing(db, hash))
  for (const doc of docs) {
    if ((await services.authorize(principal, doc)) !== 'none') return true
  }
  return false
}
