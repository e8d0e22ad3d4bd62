import { Hono } from 'hono'
import { audit } from '../../audit/audit.ts'
import type { AppEnv, Services } from '../../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requireMember } from '../../http/guards.ts'
import { sessionRow } from '../../sessions/roomState.ts'
import { fileName } from '../fileName.ts'
import { memberArchive } from './memberArchive.ts'
import { sessionArchive } from './sessionArchive.ts'
import { zipArchive } from './zipArchive.ts'

/** A zip as a download: its length is known, so a browser can show how far it has come. */
const zipResponse = (archive: Uint8Array, name: string) =>
  new Response(archive as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': 'application/zip',
      'content-length': String(archive.byteLength),
      'content-disposition': `attachment; filename="${name}.zip"`,
      'cache-control': 'no-store',
    },
  })

/**
 * Everything at once: a member's own materials, or a session's for its facilitators, as one
 * zip with a readable index. Built on request and never kept, so erasure has no export cache
 * to reach; the trail records the export and how many documents, never what they said.
 */
export function archiveRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  app.get('/member/export', async (c) => {
    const member = requireMember(c)
    const { sections, documents } = await memberArchive(services, member)
    const archive = await zipArchive(
      'My Hearth materials',
      `Exported ${new Date(now()).toISOString().slice(0, 10)}. Each worksheet is here as a PDF and as plain text (Markdown). Only your own copies and the group’s sheets are included.`,
      sections,
      new Date(now()),
    )
    await audit(
      await services.data(),
      {
        actor: member,
        action: 'member.exported',
        target: { kind: 'member', id: member.id },
        groupId: member.groupId,
        detail: { documents },
      },
      now(),
    )
    return zipResponse(archive, 'my-hearth-materials')
  })

  app.get('/sessions/:sessionId/export', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const data = await services.data()
    const session = await sessionRow(data, sessionId)
    const { sections, documents } = await sessionArchive(services, principal, session)
    const archive = await zipArchive(
      session.title,
      `The session’s materials, exported ${new Date(now()).toISOString().slice(0, 10)}. Each worksheet is here as a PDF and as plain text (Markdown).`,
      sections,
      new Date(now()),
    )
    await audit(
      data,
      {
        actor: principal,
        action: 'session.exported',
        target: { kind: 'session', id: sessionId },
        groupId,
        detail: { documents },
      },
      now(),
    )
    return zipResponse(archive, fileName(session.title, 'session'))
  })

  return app
}
