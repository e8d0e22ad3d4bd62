import { authorLabel } from '../../../shared/chat/chatDoc.ts'
import type { Services } from '../../http/AppEnv.ts'
import { chatRecord } from '../../chat/chatRecord.ts'
import type { ArchiveFile } from './zipArchive.ts'

/**
 * A session's chat as text, from the server's record: each message as the group saw it (the
 * name or "Anonymous member", never the link to a writer), removed ones as their mark. Null
 * when nothing was written or the chat was cleared.
 */
export async function chatTranscript(
  services: Services,
  session: { id: string; timeZone: string },
  folder: string,
  context: string,
): Promise<ArchiveFile | null> {
  const record = chatRecord(await services.data(), services.keys)
  const messages = await record.before(session.id, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
  if (messages.length === 0) return null
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: session.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  })
  const lines = messages.map((m) => {
    const who = authorLabel(m.author) + (m.author.kind === 'facilitator' ? ' (facilitator)' : '')
    const words =
      m.text === null
        ? m.removed === 'member'
          ? '_(removed at the writer’s request)_'
          : '_(removed by a facilitator)_'
        : m.text
    return `**${who}**, ${time.format(m.at)}\n\n${words}\n`
  })
  return {
    folder,
    name: 'Group chat',
    extension: 'md',
    data: `# The group chat\n\n_${context}_\n\n${lines.join('\n')}`,
    label: 'The group chat (text)',
  }
}
