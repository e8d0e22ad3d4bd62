import {
  authorLabel,
  REACTION_KEYS,
  REACTIONS,
  type ChatMessage,
  type Reaction,
} from '../../shared/chat/chatDoc.ts'
import { useAction } from '../ui/useAction.ts'
import { formatClock } from '../ui/formatSessionTime.ts'
import { MessageText } from './MessageText.tsx'

export interface MessageActions {
  /** The reactions this person gave (message id + reaction), kept in this tab. */
  reacted: Set<string>
  react: (message: ChatMessage, reaction: Reaction, on: boolean) => Promise<void>
  /** Facilitators only. */
  moderate?: {
    remove: (message: ChatMessage) => Promise<void>
    muteWriter: (message: ChatMessage) => Promise<void>
    /** Who wrote an anonymous message, where the group's policy lets facilitators know. */
    authorOf: (id: string) => string | null
  }
}

interface ChatMessageItemProps {
  message: ChatMessage
  mine: boolean
  /** Read only (the session is over, or an older page). */
  still: boolean
  actions: MessageActions
}

/** One message: who it shows as, when, the words (or the mark they were removed), reactions. */
export function ChatMessageItem({ message, mine, still, actions }: ChatMessageItemProps) {
  const { problem, run } = useAction()
  const label = authorLabel(message.author)
  const known = message.author.kind === 'anonymous' ? actions.moderate?.authorOf(message.id) : null
  const removed = message.text === null
  return (
    <li className="chat-message" data-author={message.author.kind} data-mine={mine || undefined}>
      <p className="chat-meta">
        <span className="chat-author">
          {label}
          {message.author.kind === 'facilitator' && ' (facilitator)'}
          {mine && ' (you)'}
        </span>
        {known && <span className="chat-known"> — {known}, seen by facilitators only</span>}{' '}
        <span className="muted">{formatClock(message.at)}</span>
      </p>
      {removed ? (
        <p className="chat-text chat-removed">
          {message.removed === 'member'
            ? 'Removed at the writer’s request.'
            : 'Removed by a facilitator.'}
        </p>
      ) : (
        <MessageText text={message.text!} />
      )}
      {!removed && (
        <div className="chat-reactions" role="group" aria-label={`Reactions to ${label}’s message`}>
          {REACTION_KEYS.map((reaction) => {
            const count = message.reactions?.[reaction] ?? 0
            const on = actions.reacted.has(`${message.id}:${reaction}`)
            if (still && count === 0) return null
            return (
              <button
                key={reaction}
                type="button"
                className="chat-reaction"
                aria-pressed={on}
                aria-label={`${REACTIONS[reaction].label}${count ? `, ${count}` : ''}`}
                disabled={still}
                onClick={() => void run(() => actions.react(message, reaction, !on))}
              >
                <span aria-hidden="true">{REACTIONS[reaction].emoji}</span>
                {count > 0 && <span aria-hidden="true"> {count}</span>}
              </button>
            )
          })}
          {actions.moderate && !still && (
            <>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => void run(() => actions.moderate!.remove(message))}
              >
                Remove
              </button>
              {message.author.kind !== 'facilitator' && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => void run(() => actions.moderate!.muteWriter(message))}
                >
                  Pause this writer
                </button>
              )}
            </>
          )}
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  )
}
