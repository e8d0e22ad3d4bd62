import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as Y from 'yjs'
import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Principal } from '../auth/Principal.ts'
import { scopeOfDoc } from '../crypto/docKeys.ts'
import { rowIdOf, snapshotData } from '../crypto/sealedColumns.ts'
import type { Data } from '../data/Data.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requirePrincipal } from '../http/guards.ts'
import { worksheetReader } from '../worksheets/readWorksheet.ts'
import { snapshotById, snapshotsOf, type SnapshotRow } from './snapshotRows.ts'

/**
 * The worksheets of an ended session as they were at its end (`takeSessionSnapshots.ts`),
 * each to whoever the live document's own rule lets read it: a member their own copy and the
 * group's sheets, a facilitator the group's sheets and the copies shared with them. Served
 * read only, as ProseMirror JSON.
 */
export function snapshotRoutes(services: Services) {
  const app = new Hono<AppEnv>()
  const readable = async (principal: Principal, doc: string) =>
    (await services.authorize(principal, doc as DocName)) !== 'none'
  /** "Thought record", "Thought record (your copy)", "Thought record (Robin's copy)". */
  const titleOf = async (data: Data, principal: Principal, row: SnapshotRow) => {
    const owner = parseGroupDocName(row.doc)?.ownerId
    if (!owner) return row.title
    if (owner === principal.id) return `${row.title} (your copy)`
    const member = await data
      .selectFrom('members')
      .select('pseudonym')
      .where('id', '=', owner)
      .executeTakeFirst()
    const name = member?.pseudonym
    return `${row.title} (${name ?? 'a member'}'s copy)`
  }

  app.get('/sessions/:sessionId/snapshots', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const principal = requirePrincipal(c)
    if (principal.kind === 'facilitator') await requireGroupFacilitator(c, services, groupId)
    else if (principal.kind !== 'member' || principal.groupId !== groupId) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const data = await services.data()
    const snapshots = []
    for (const row of await snapshotsOf(data, sessionId)) {
      if (!(await readable(principal, row.doc))) continue
      snapshots.push({
        id: row.id,
        title: await titleOf(data, principal, row),
        takenAt: row.takenAt,
      })
    }
    return c.json({ snapshots })
  })

  app.get('/snapshots/:snapshotId', async (c) => {
    const principal = requirePrincipal(c)
    const data = await services.data()
    const row = await snapshotById(data, c.req.param('snapshotId'))
    // Unknown, or not this person's to read: the same answer.
    if (!row || !(await readable(principal, row.doc))) {
      throw new HTTPException(404, { message: 'no such snapshot' })
    }
    const state = await snapshotData.open(
      services.keys,
      scopeOfDoc(row.doc as DocName),
      rowIdOf(row.id, row.doc),
      row.data,
    )
    const read = await worksheetReader()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    const content = read(doc)
    doc.destroy()
    return c.json({
      id: row.id,
      sessionId: row.sessionId,
      title: await titleOf(data, principal, row),
      takenAt: row.takenAt,
      content,
    })
  })

  return app
}
