import { splitLinks } from './readChat.ts'

/**
 * A message's words as plain text: no HTML, no markdown, long words wrap. Web addresses are
 * shown, marked as addresses, but never made links: nothing in a message opens or fetches a
 * page by itself, and a member decides whether to copy one.
 */
export function MessageText({ text }: { text: string }) {
  return (
    <p className="chat-text">
      {splitLinks(text).map((part, i) =>
        part.link ? (
          <span key={i} className="chat-address" title="A web address (not opened by Hearth)">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </p>
  )
}
