import { useId, useMemo } from 'react'
import type * as Y from 'yjs'
import { chatApi } from './chatApi.ts'
import { LineConversation } from './LineConversation.tsx'
import './chat.css'

/**
 * A member's private conversation with the facilitators, under the silent signal: what they
 * write here only the facilitators read, and the facilitators' answers only they read.
 */
export function PrivateLinePanel({
  sessionId,
  lineDoc,
  over,
}: {
  sessionId: string
  lineDoc: Y.Doc | null
  over: boolean
}) {
  const id = useId()
  const api = useMemo(() => chatApi(sessionId), [sessionId])
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Write to the facilitators
      </h2>
      <LineConversation
        doc={lineDoc}
        reader="member"
        send={over ? null : async (text) => void (await api.writeLine(text))}
      />
    </section>
  )
}
