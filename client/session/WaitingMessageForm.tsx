import { useId, useState, type FormEvent } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { TextField } from '../ui/TextField.tsx'
import type { WaitingMessage } from './sessionSchemas.ts'

/**
 * For facilitators: a short word to everyone in the waiting room ("Starting in 5 minutes"),
 * shown on their waiting page within a few seconds; one at a time, and it can be cleared.
 */
export function WaitingMessageForm({
  sessionId,
  message,
}: {
  sessionId: string
  message: WaitingMessage | null
}) {
  const id = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()
  const send = async (value: string | null) => {
    if (busy) return
    setBusy(true)
    setProblem(undefined)
    try {
      await apiRequest(`/api/sessions/${sessionId}/waiting-message`, {
        method: 'POST',
        body: { text: value },
        schema: z.unknown(),
      })
      announce(value ? 'Your message is on the waiting page.' : 'The message was taken down.')
      setText('')
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = text.trim()
    if (!value) return setProblem('Write a short message first.')
    void send(value)
  }
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Message to the waiting room
      </h2>
      {message ? (
        <p>
          Showing now: <strong>“{message.text}”</strong>{' '}
          <button
            type="button"
            className="button button--quiet button--small"
            aria-disabled={busy || undefined}
            onClick={() => void send(null)}
          >
            Take it down
          </button>
        </p>
      ) : (
        <p className="muted">Those waiting see no message.</p>
      )}
      <form className="stack-small" onSubmit={submit} noValidate>
        <TextField
          id={`${id}-text`}
          label="Message"
          hint="For example: “We start in 5 minutes.” Everyone waiting sees it; up to 200 characters."
          value={text}
          onChange={setText}
          maxLength={200}
          error={problem}
        />
        <div>
          <button
            type="submit"
            className="button button--secondary"
            aria-disabled={busy || undefined}
          >
            {message ? 'Replace the message' : 'Show the message'}
          </button>
        </div>
      </form>
    </section>
  )
}
