import type * as Y from 'yjs'
import { LINE_MESSAGES, lineMessage, type LineMessage } from '../../shared/chat/lineDoc.ts'
import { formatClock } from '../ui/formatSessionTime.ts'
import { useSharedArray } from '../sync/useSharedMap.ts'
import { CrisisResources } from './CrisisResources.tsx'
import { MessageText } from './MessageText.tsx'
import { MessageComposer } from './MessageComposer.tsx'

const readLine = (array: Y.Array<unknown>): LineMessage[] =>
  array.toArray().flatMap((raw) => {
    const parsed = lineMessage.safeParse(raw)
    return parsed.success ? [parsed.data] : []
  })

interface LineConversationProps {
  doc: Y.Doc | null
  /** Whose eyes: "you" is the member on their own line, the facilitators on theirs. */
  reader: 'member' | 'facilitator'
  /** The member's name, for a facilitator reading their line. */
  memberName?: string
  send: ((text: string) => Promise<void>) | null
}

/** A private conversation between one member and the facilitators. */
export function LineConversation({ doc, reader, memberName, send }: LineConversationProps) {
  const messages = useSharedArray(doc, LINE_MESSAGES, readLine)
  const who = (m: LineMessage) =>
    m.from === 'member'
      ? reader === 'member'
        ? 'You'
        : (memberName ?? 'The member')
      : reader === 'facilitator'
        ? `${m.name ?? 'A facilitator'}`
        : `${m.name ?? 'Your facilitator'} (facilitator)`
  return (
    <div className="line-conversation">
      {messages.length > 0 ? (
        <div role="log" aria-label="Private messages">
          <ol className="chat-list">
            {messages.map((m) => (
              <li key={m.id} className="chat-message" data-from={m.from}>
                <p className="chat-meta">
                  <span className="chat-author">{who(m)}</span>{' '}
                  <span className="muted">{formatClock(m.at)}</span>
                </p>
                <MessageText text={m.text} />
                {m.resources && <CrisisResources resources={m.resources} />}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="muted">
          {reader === 'member'
            ? 'Nothing here yet. Only the facilitators see what you write here.'
            : 'No messages yet.'}
        </p>
      )}
      {send && (
        <MessageComposer
          label={
            reader === 'member'
              ? 'Write to the facilitators privately'
              : `Answer ${memberName ?? 'them'} privately`
          }
          send={send}
        />
      )}
    </div>
  )
}
