import {
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react'
import { CHAT_MAX_CHARS } from '../../shared/chat/chatDoc.ts'
import { toApiError } from '../api/ApiError.ts'

/** How often "still typing" is told while someone types (the server forgets it after 6 s). */
const TYPING_RENEW_MS = 3000

interface MessageComposerProps {
  label: string
  /** Why nothing can be sent now (locked, muted), or null. */
  blocked?: string | null
  send: (text: string) => Promise<void>
  /** Told when typing starts (and every few seconds while it goes on) and when it stops. */
  onTyping?: (typing: boolean) => void
  sendLabel?: string
  /** A choice beside the box (an anonymous member signing one message with their name). */
  option?: { label: string; checked: boolean; onChange: (checked: boolean) => void }
}

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line. The text stays in the box
 * until the server has it; a refusal is shown as the server worded it.
 */
export function MessageComposer({
  label,
  blocked = null,
  send,
  onTyping,
  sendLabel = 'Send',
  option,
}: MessageComposerProps) {
  const id = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const lastTyping = useRef(0)
  const stopTyping = () => {
    if (lastTyping.current === 0) return
    lastTyping.current = 0
    onTyping?.(false)
  }
  const stopOnLeave = useEffectEvent(stopTyping)
  useEffect(() => () => stopOnLeave(), [])

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    const words = text.trim()
    if (!words || busy || blocked) return
    setBusy(true)
    setProblem(null)
    try {
      await send(words)
      setText('')
      lastTyping.current = 0
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void submit()
    }
  }
  const onChange = (value: string) => {
    setText(value)
    if (!onTyping) return
    if (value.trim() === '') return stopTyping()
    const now = Date.now()
    if (now - lastTyping.current > TYPING_RENEW_MS) {
      lastTyping.current = now
      onTyping(true)
    }
  }
  const left = CHAT_MAX_CHARS - text.length
  return (
    <form className="composer" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-text`} className="composer-label">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        className="input composer-text"
        rows={2}
        maxLength={CHAT_MAX_CHARS}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={stopTyping}
        aria-describedby={`${id}-hint`}
        aria-invalid={problem ? true : undefined}
      />
      {option && (
        <label className="composer-option">
          <input
            type="checkbox"
            checked={option.checked}
            onChange={(e) => option.onChange(e.target.checked)}
          />{' '}
          {option.label}
        </label>
      )}
      <div className="composer-row">
        <p id={`${id}-hint`} className="muted composer-hint">
          {blocked ?? 'Enter to send, Shift+Enter for a new line.'}
          {left < 200 && ` ${left} characters left.`}
        </p>
        <button
          type="submit"
          className="button button--small"
          aria-disabled={busy || !!blocked || text.trim() === '' || undefined}
        >
          {busy ? 'Sending…' : sendLabel}
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  )
}
