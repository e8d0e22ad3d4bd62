import { useId, useMemo } from 'react'
import type * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_LINES } from '../../shared/signals/signalDocs.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { formatClock } from '../ui/formatSessionTime.ts'
import { chatApi } from './chatApi.ts'
import { LineConversation } from './LineConversation.tsx'
import './chat.css'

export interface OpenLine {
  line: DocName
  name: string
}

interface LineSummary {
  key: string
  name: string
  lastAt: number
  waiting: boolean
}

const readLines = (map: Y.Map<unknown>): LineSummary[] => {
  const out: LineSummary[] = []
  map.forEach((raw, key) => {
    const entry = raw as Partial<LineSummary> | null
    if (entry && typeof entry.name === 'string' && typeof entry.lastAt === 'number') {
      out.push({ key, name: entry.name, lastAt: entry.lastAt, waiting: entry.waiting === true })
    }
  })
  return out.sort((a, b) => b.lastAt - a.lastAt)
}

const keyOf = (line: DocName) => line.split('/').pop()!

/**
 * For facilitators: members' private lines, those still waiting for an answer first marked,
 * and the open conversation with its answer box. Opened from here or from a signal's
 * "Answer privately".
 */
export function LinesPanel({
  sessionId,
  groupId,
  signalsDoc,
  open,
  onOpen,
  over,
}: {
  sessionId: string
  groupId: string
  signalsDoc: Y.Doc | null
  open: OpenLine | null
  onOpen: (line: OpenLine | null) => void
  over: boolean
}) {
  const id = useId()
  const lines = useSharedMap(signalsDoc, SIGNALS_LINES, readLines)
  const lineName = (key: string) => `g/${groupId}/s/${sessionId}/line/${key}` as DocName
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Private messages
      </h2>
      {lines.length === 0 && !open && (
        <p className="muted">When a member writes to you privately, it appears here.</p>
      )}
      {lines.length > 0 && (
        <ul className="plain-list">
          {lines.map((line) => (
            <li key={line.key} className="row-between">
              <span>
                {line.name}
                {line.waiting && <strong> — waiting for an answer</strong>}{' '}
                <span className="muted">{formatClock(line.lastAt)}</span>
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-expanded={open !== null && keyOf(open.line) === line.key}
                onClick={() => onOpen({ line: lineName(line.key), name: line.name })}
              >
                Open
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <OpenConversation
          key={open.line}
          sessionId={sessionId}
          open={open}
          over={over}
          onClose={() => onOpen(null)}
        />
      )}
    </section>
  )
}

function OpenConversation({
  sessionId,
  open,
  over,
  onClose,
}: {
  sessionId: string
  open: OpenLine
  over: boolean
  onClose: () => void
}) {
  const api = useMemo(() => chatApi(sessionId), [sessionId])
  const state = useSyncedDoc(open.line, null)
  return (
    <div className="stack-small">
      <div className="row-between">
        <h3 className="panel-heading">With {open.name}</h3>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <LineConversation
        doc={state.phase === 'ready' ? state.synced.doc : null}
        reader="facilitator"
        memberName={open.name}
        send={over ? null : async (text) => void (await api.answerLine(keyOf(open.line), text))}
      />
    </div>
  )
}
