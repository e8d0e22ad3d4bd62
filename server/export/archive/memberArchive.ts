import type { DocName } from '../../../shared/documents/docName.ts'
import type { MemberPrincipal } from '../../auth/Principal.ts'
import type { Services } from '../../http/AppEnv.ts'
import { libraryOf } from '../../library/libraryOf.ts'
import { ownHistoryMarkdown } from '../../checkins/ownHistory.ts'
import { sessionDay, sessionFolder, worksheetFiles } from './worksheetFiles.ts'
import type { ArchiveSection } from './zipArchive.ts'

/**
 * Everything a member may take with them, per session: their own copies and the group's
 * sheets released to them, each re-authorised before it is read; and their own check-ins and
 * questionnaire scores. Other members' answers are
 * left out even where shared with the group: an export is the member's own material.
 */
export async function memberArchive(
  services: Services,
  member: MemberPrincipal,
): Promise<{ sections: ArchiveSection[]; documents: number }> {
  const sections: ArchiveSection[] = []
  let documents = 0
  const library = await libraryOf(await services.data(), member, services.now())
  for (const { session, items } of library) {
    const folder = sessionFolder(session.startsAt, session.timeZone, session.title)
    const context = `${session.title}, ${sessionDay(session.startsAt, session.timeZone)}`
    const files = []
    for (const item of items) {
      if (item.kind !== 'worksheet') continue
      const doc = item.stored as DocName
      if ((await services.authorize(member, doc)) === 'none') continue
      const title = item.own ? `${item.title} (my copy)` : item.title
      files.push(...(await worksheetFiles(services, doc, { title, context }, folder)))
      documents++
    }
    sections.push({
      heading: context,
      note: 'Your own copies, and the group’s sheets as the group left them.',
      files,
    })
  }
  const history = await ownHistoryMarkdown(services, member.id, member.groupId)
  if (history) {
    sections.push({
      heading: 'How I have been',
      note: 'Your check-ins and questionnaire scores, for you alone.',
      files: [
        {
          folder: 'how-i-have-been',
          name: 'how-i-have-been',
          extension: 'md',
          data: history,
          label: 'Your check-ins and scores, as text',
        },
      ],
    })
  }
  return { sections, documents }
}
