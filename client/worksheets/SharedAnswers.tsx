import { useEffect, useState } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { PersonName } from '../ui/PersonName.tsx'
import { sharedAnswer, type SharedAnswer } from './worksheetSchemas.ts'

/** The answers in the server-written document, parsed one by one; anything malformed is left out. */
function readAnswers(synced: SyncedDoc): SharedAnswer[] {
  const answers: SharedAnswer[] = []
  for (const raw of synced.doc.getMap<string>('answers').values()) {
    try {
      const parsed = sharedAnswer.safeParse(JSON.parse(raw))
      if (parsed.success) answers.push(parsed.data)
    } catch {
      // Not JSON: not shown.
    }
  }
  return answers.sort((a, b) => a.name.localeCompare(b.name) || a.label.localeCompare(b.label))
}

/**
 * Single answers members chose to share with this person's audience, as plain text; the
 * person's own (shared with the group) marked as theirs.
 */
export function SharedAnswers({ docName, selfName }: { docName: DocName; selfName: string }) {
  const state = useSyncedDoc(docName, null)
  if (state.phase !== 'ready') return null
  return <AnswerList synced={state.synced} selfName={selfName} />
}

function AnswerList({ synced, selfName }: { synced: SyncedDoc; selfName: string }) {
  const [answers, setAnswers] = useState(() => readAnswers(synced))
  useEffect(() => {
    const map = synced.doc.getMap('answers')
    const onChange = () => setAnswers(readAnswers(synced))
    onChange()
    map.observe(onChange)
    return () => map.unobserve(onChange)
  }, [synced])
  if (answers.length === 0) return null
  return (
    <section className="shared-answers" aria-label="Shared answers">
      <h3 className="panel-subheading">Shared answers</h3>
      <ul className="plain-list">
        {answers.map((a) => (
          <li key={`${a.name}:${a.fieldId}`} className="shared-answer">
            <PersonName name={a.name} colour={a.colour} />
            {a.name === selfName && <span className="muted"> (you)</span>}:{' '}
            <strong>{a.label}</strong>
            <p className="shared-answer-text">
              {a.value !== null && a.value !== undefined ? `Rating: ${a.value}. ` : ''}
              {a.text}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
