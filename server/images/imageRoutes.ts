import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireFacilitator, requirePrincipal } from '../http/guards.ts'
import { isDeckEditor } from '../slides/deckQueries.ts'
import { docsUsingImage, editsDeckUsing } from './imageUses.ts'
import { imageBytes, storeImage } from './storeImage.ts'

const HASH = /^[0-9a-f]{64}$/

/**
 * Images for slides and the whiteboard: uploaded by a deck's editors (and, on the whiteboard,
 * by whoever may draw where the image goes: canvasImageRoutes.ts), sniffed from their bytes,
 * stored once by content hash, and served only to whoever may see a deck, session copy or
 * canvas that uses them, with headers that keep a browser from ever treating one as a page.
 */
export function imageRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  app.post('/decks/:deckId/images', async (c) => {
    const me = requireFacilitator(c)
    const deckId = c.req.param('deckId')
    if (!(await isDeckEditor(await services.data(), deckId, me.id))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const stored = await storeImage(c, services, now(), (trx, hash) =>
      trx
        .insertInto('deck_images')
        .values({ deck_id: deckId, hash })
        .onConflict((oc) => oc.doNothing())
        .execute(),
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
    const image = await imageBytes(await services.data(), services.keys, hash)
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
  const data = await services.data()
  if (principal.kind === 'facilitator' && (await editsDeckUsing(data, hash, principal.id))) {
    return true
  }
  for (const doc of await docsUsingImage(data, hash)) {
    if ((await services.authorize(principal, doc)) !== 'none') return true
  }
  return false
}
