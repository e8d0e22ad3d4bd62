import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import type { DocName } from '../../../shared/documents/docName.ts'
import type { Principal } from '../../auth/Principal.ts'
import type { Services } from '../../http/AppEnv.ts'
import type { SessionRow } from '../../sessions/roomState.ts'
import { sheetSharesOf } from '../../worksheets/worksheetShares.ts'
import { chatTranscript } from './chatTranscript.ts'
import { sessionDay, sessionFolder, worksheetFiles } from './worksheetFiles.ts'
import type { ArchiveFile, ArchiveSection } from './zipArchive.ts'

interface SharedAnswer {
  name: string
  label: string
  text: string
}

/**
 * A session's materials for its facilitators: the group's sheets, the chat, the copies members shared
 * with the facilitators, and the single answers shared with them. A member's copy they did
 * not share is never read: each document is re-authorised for the facilitator first.
 */
export async function sessionArchive(
  services: Services,
  facilitator: Principal,
  session: SessionRow,
): Promise<{ sections: ArchiveSection[]; documents: number }> {
  const data = await services.data()
  const g = session.group_id
  const s = session.id
  const folder = sessionFolder(session.starts_at, session.time_zone, session.title)
  const context = `${session.title}, ${sessionDay(session.starts_at, session.time_zone)}`
  const readable = async (doc: string) =>
    (await services.authorize(facilitator, doc as DocName)) !== 'none'
  const sheets = await data
    .selectFrom('worksheets')
    .select(['id', 'title', 'mode'])
    .where('session_id', '=', s)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const shared: ArchiveFile[] = []
  const copies: ArchiveFile[] = []
  const answers: ArchiveFile[] = []
  let documents = 0
  for (const sheet of sheets) {
    if (sheet.mode === 'shared') {
      const doc = sessionDocName.shared(g, s, sheet.id)
      if (!(await readable(doc))) continue
      shared.push(
        ...(await worksheetFiles(
          services,
          doc as DocName,
          { title: sheet.title, context },
          folder,
        )),
      )
      documents++
      continue
    }
    const owners = (await sheetSharesOf(data, sheet.id)).filter(
      (x) => x.audience === 'facilitators',
    )
    for (const owner of owners) {
      const doc = sessionDocName.private(g, s, sheet.id, owner.memberId)
      if (!(await readable(doc))) continue
      const title = `${sheet.title} (${owner.pseudonym}'s copy)`
      copies.push(...(await worksheetFiles(services, doc as DocName, { title, context }, folder)))
      documents++
    }
    const answersDoc = sessionDocName.answers(g, s, sheet.id, 'facilitators')
    if (!(await readable(answersDoc))) continue
    const lines = await services.sync.serverRead(answersDoc as DocName, (doc) =>
      [...doc.getMap<string>('answers').values()].flatMap((raw) => {
        try {
          const a = JSON.parse(raw) as SharedAnswer
          return [`## ${a.name}: ${a.label}\n\n${a.text || '(not answered)'}\n`]
        } catch {
          return []
        }
      }),
    )
    if (lines.length === 0) continue
    answers.push({
      folder,
      name: `${sheet.title} shared answers`,
      extension: 'md',
      data: `# ${sheet.title}: answers shared with the facilitators\n\n_${context}_\n\n${lines.sort().join('\n')}`,
      label: `${sheet.title}: answers shared with the facilitators (text)`,
    })
    documents++
  }
  const chat = (await readable(sessionDocName.chat(g, s)))
    ? await chatTranscript(services, { id: s, timeZone: session.time_zone }, folder, context)
    : null
  if (chat) documents++
  return {
    sections: [
      { heading: 'The group’s sheets', note: 'As they are now.', files: shared },
      {
        heading: 'The group chat',
        note: 'As the group saw it: names, or “Anonymous member”.',
        files: chat ? [chat] : [],
      },
      {
        heading: 'Copies members shared with you',
        note: 'Only the copies their owners chose to share with the facilitators.',
        files: copies,
      },
      {
        heading: 'Single answers shared with you',
        note: 'Answers members chose to share with the facilitators.',
        files: answers,
      },
    ],
    documents,
  }
}
