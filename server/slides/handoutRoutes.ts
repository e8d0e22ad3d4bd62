import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as Y from 'yjs'
import { z } from 'zod'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { deckDocName } from '../../shared/slides/deckNames.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requirePrincipal } from '../http/guards.ts'
import { releasedNow } from '../release/releaseOf.ts'
import { isAdmitted } from '../sessions/isAdmitted.ts'
import { addHandout } from './addHandout.ts'
import { editableDeck } from './deckQueries.ts'
import { handoutsOf } from './handoutsOf.ts'
import { parseBody } from '../http/parseBody.ts'
import { publishRoomState, sessionRow } from '../sessions/roomState.ts'

const bringRequest = z.object({ deckId: z.string().max(64) }).strict()

/**
 * Brings a deck from a facilitator's library into a session: the session gets its own copy
 * of the slides (what members read, now and after the session) and, apart, of the speaker
 * notes (the session's facilitators only). Later edits of the library deck do not change what
 * the group saw.
 */
export function handoutRoutes(services: Services) {
  const { now, sync } = services
  const app = new Hono<AppEnv>()

  // The decks of a session: for its facilitators, and for members who were there while the
  // slides are released to them (the session's copy, never the notes).
  app.get('/sessions/:sessionId/handouts', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const principal = requirePrincipal(c)
    const data = await services.data()
    if (principal.kind === 'facilitator') await requireGroupFacilitator(c, services, groupId)
    else if (principal.kind !== 'member' || !(await isAdmitted(data, sessionId, principal.id))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const released =
      principal.kind === 'facilitator' || (await releasedNow(data, sessionId, 'slides', now()))
    return c.json({ handouts: released ? await handoutsOf(data, groupId, sessionId) : [] })
  })

  app.post('/sessions/:sessionId/handouts', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { deckId } = await parseBody(c, bringRequest)
    const data = await services.data()
    const deck = await editableDeck(data, deckId, principal.id)
    if (!deck) throw new HTTPException(404, { message: 'no such deck' })
    const { status } = await sessionRow(data, sessionId)
    if (status === 'ended' || status === 'cancelled') {
      throw new HTTPException(409, {
        message: 'Slides can be brought only to a coming or open session.',
      })
    }
    const id = newId('handout')
    const copy = async (from: string, to: string) => {
      const state = await sync.serverRead(from as DocName, (doc) => Y.encodeStateAsUpdate(doc))
      await sync.serverWrite(to as DocName, (doc) => Y.applyUpdate(doc, state))
    }
    // The title comes from the deck document, where its editors change it.
    const title = await sync.serverRead(deckDocName.deck(deck.id) as DocName, (doc) =>
      String(doc.getMap('meta').get('title') ?? deck.title).slice(0, 120),
    )
    await addHandout(data, { id, sessionId, groupId, deckId: deck.id, title }, principal, now())
    await copy(deckDocName.deck(deck.id), sessionDocName.handout(groupId, sessionId, id))
    await copy(deckDocName.notes(deck.id), sessionDocName.handoutNotes(groupId, sessionId, id))
    await publishRoomState(services, sessionId)
    return c.json({ id, document: sessionDocName.handout(groupId, sessionId, id) }, 201)
  })

  return app
}
