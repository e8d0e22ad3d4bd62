import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { DocName } from '../../shared/documents/docName.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { audit } from '../audit/audit.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireMember } from '../http/guards.ts'
import { isAdmitted } from '../sessions/isAdmitted.ts'
import { readWorksheet } from '../worksheets/readWorksheet.ts'
import { fileName } from './fileName.ts'
import { toMarkdown } from './toMarkdown.ts'
import { toPdf } from './toPdf.ts'
import { worksheetBlocks } from './worksheetBlocks.ts'

const FORMATS = {
  markdown: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
} as const

/**
 * A member exports a worksheet they were given: the group's sheet of a session they were in,
 * or their own copy of a private one — never anyone else's copy. As Markdown or PDF, text
 * only; the trail records that it was exported, not what it said.
 */
export function exportRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  app.get('/member/worksheets/:worksheetId/export', async (c) => {
    const member = requireMember(c)
    const format = c.req.query('format')
    if (format !== 'markdown' && format !== 'pdf') {
      throw new HTTPException(400, { message: 'format must be markdown or pdf' })
    }
    const data = await services.data()
    const w = await data
      .selectFrom('worksheets as w')
      .innerJoin('sessions as s', 's.id', 'w.session_id')
      .select([
        'w.id',
        'w.title',
        'w.mode',
        'w.session_id as sessionId',
        'w.group_id as groupId',
        's.title as sessionTitle',
        's.starts_at as startsAt',
        's.time_zone as timeZone',
      ])
      .where('w.id', '=', c.req.param('worksheetId'))
      .executeTakeFirst()
    if (!w) throw new HTTPException(404, { message: 'no such worksheet' })
    if (w.groupId !== member.groupId || !(await isAdmitted(data, w.sessionId, member.id))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    // Only the member's own copy of a private sheet: the name is theirs, by construction.
    const name = (
      w.mode === 'shared'
        ? sessionDocName.shared(w.groupId, w.sessionId, w.id)
        : sessionDocName.private(w.groupId, w.sessionId, w.id, member.id)
    ) as DocName
    if ((await services.authorize(member, name)) === 'none') {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const blocks = worksheetBlocks(await readWorksheet(services, name))
    const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: w.timeZone })
    const header = {
      title: w.mode === 'shared' ? w.title : `${w.title} (my copy)`,
      context: `${w.sessionTitle}, ${day.format(new Date(w.startsAt))}`,
    }
    const body =
      format === 'pdf' ? await toPdf(header, blocks, new Date(now())) : toMarkdown(header, blocks)
    await audit(
      data,
      {
        actor: member,
        action: 'worksheet.exported',
        target: { kind: 'worksheet', id: w.id },
        groupId: w.groupId,
        detail: { format },
      },
      now(),
    )
    const { type, extension } = FORMATS[format]
    return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
      'content-type': type,
      'content-disposition': `attachment; filename="${fileName(w.title)}.${extension}"`,
      'cache-control': 'no-store',
    })
  })

  return app
}
