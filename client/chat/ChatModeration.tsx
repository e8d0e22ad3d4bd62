import { useId } from 'react'
import type * as Y from 'yjs'
import { SLOW_MODE_SECONDS } from '../../shared/chat/chatDoc.ts'
import { SIGNALS_MUTES } from '../../shared/signals/signalDocs.ts'
import { useAction } from '../ui/useAction.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import type { ChatApi } from './chatApi.ts'

interface Mute {
  id: string
  name: string | null
}

const readMutes = (map: Y.Map<unknown>): Mute[] => {
  const out: Mute[] = []
  map.forEach((raw, id) => {
    const name = (raw as { name?: unknown } | null)?.name
    out.push({ id, name: typeof name === 'string' ? name : null })
  })
  return out
}

const slowLabel = (s: number) => (s === 0 ? 'Off' : s < 60 ? `${s} seconds` : `${s / 60} min`)

/** The facilitators' chat controls: pause it for everyone, slow it down, who is paused. */
export function ChatModeration({
  api,
  locked,
  slowSeconds,
  signalsDoc,
}: {
  api: ChatApi
  locked: boolean
  slowSeconds: number
  signalsDoc: Y.Doc | null
}) {
  const id = useId()
  const mutes = useSharedMap(signalsDoc, SIGNALS_MUTES, readMutes)
  const { problem, run } = useAction()
  return (
    <div className="chat-moderation">
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={locked}
          onClick={() => void run(() => api.settings({ locked: !locked }))}
        >
          {locked ? 'Resume the chat' : 'Pause the chat for everyone'}
        </button>
        <label htmlFor={`${id}-slow`} className="chat-slow-label">
          Slow mode
        </label>
        <select
          id={`${id}-slow`}
          className="input input--short"
          value={slowSeconds}
          onChange={(e) => void run(() => api.settings({ slowSeconds: Number(e.target.value) }))}
        >
          {SLOW_MODE_SECONDS.map((s) => (
            <option key={s} value={s}>
              {slowLabel(s)}
            </option>
          ))}
        </select>
      </div>
      {mutes.length > 0 && (
        <ul className="plain-list" aria-label="Members whose chat messages are paused">
          {mutes.map((mute) => (
            <li key={mute.id} className="row-between">
              <span>
                {mute.name ??
                  'A member (paused from an anonymous message; Hearth does not say who)'}
              </span>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => void run(() => api.unmute(mute.id))}
              >
                Let them chat again
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
