import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { z } from 'zod'
import {
  CHECKIN_KINDS,
  ROOM_CHECKIN,
  SIGNALS_CHECKIN_ANSWERS,
  type CheckinKind,
  type CheckinMoment,
} from '../../shared/checkins/checkins.ts'
import {
  memberResults,
  ROOM_MEASURES,
  SIGNALS_MEASURE_RESULTS,
} from '../../shared/measures/measureDocs.ts'
import { MEASURE_IDS, MEASURES } from '../../shared/measures/measures.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { announce } from '../ui/announce.ts'
import { PersonName } from '../ui/PersonName.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { useAction } from '../ui/useAction.ts'
import { CheckinAggregate } from './CheckinAggregate.tsx'
import { readCheckin, readSent } from './readRituals.ts'
import './checkins.css'

const KIND_LABELS: Record<CheckinKind, string> = {
  both: 'A number from 0 to 10 and a word',
  mood: 'A number from 0 to 10',
  word: 'A word',
}

const namedAnswer = z.object({
  name: z.string(),
  colour: z.string(),
  mood: z.number().nullable(),
  word: z.string().nullable(),
})
const readNamed = (map: Y.Map<unknown>) => {
  const out = new Map<string, z.infer<typeof namedAnswer>[]>()
  map.forEach((raw, checkinId) => {
    const entries = Object.values((raw ?? {}) as Record<string, unknown>).flatMap((v) => {
      const parsed = namedAnswer.safeParse(v)
      return parsed.success ? [parsed.data] : []
    })
    out.set(checkinId, entries)
  })
  return out
}
const readResults = (map: Y.Map<unknown>) =>
  [...map.values()]
    .flatMap((raw) => {
      const parsed = memberResults.safeParse(raw)
      return parsed.success ? [parsed.data] : []
    })
    .sort((a, b) => a.name.localeCompare(b.name))

/**
 * The facilitators' side of check-ins and questionnaires: open a check-in and close it, see the
 * group's answers together (and each by name only where the group chose so); send the PHQ-9 or
 * the GAD-7 and read each member's result with their earlier scores in this group. Nothing here
 * reaches members but the check-in's aggregate.
 */
export function FacilitatorRituals({
  sessionId,
  roomDoc,
  signalsDoc,
}: {
  sessionId: string
  roomDoc: Y.Doc
  signalsDoc: Y.Doc | null
}) {
  const id = useId()
  const checkin = useSharedMap(roomDoc, ROOM_CHECKIN, readCheckin)
  const sent = useSharedMap(roomDoc, ROOM_MEASURES, readSent)
  const sentKinds = new Set(sent.map((m) => m.measure))
  const named = useSharedMap(signalsDoc, SIGNALS_CHECKIN_ANSWERS, readNamed)
  const results = useSharedMap(signalsDoc, SIGNALS_MEASURE_RESULTS, readResults)
  const [kind, setKind] = useState<CheckinKind>('both')
  const [moment, setMoment] = useState<CheckinMoment>('start')
  const { problem, run } = useAction()
  const post = (path: string, body: unknown = {}) =>
    apiRequest(`/api/sessions/${sessionId}/${path}`, { method: 'POST', body, schema: z.unknown() })
  const answers = checkin ? (named.get(checkin.id) ?? []) : []
  return (
    <section className="card stack-small rituals-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Check-ins and questionnaires</h2>
      <h3>Check-in</h3>
      {checkin && !checkin.closed ? (
        <p>
          Open: {KIND_LABELS[checkin.kind].toLowerCase()}, at the {checkin.moment}.{' '}
          {checkin.answered === 1 ? '1 answer' : `${checkin.answered} answers`} so far.
        </p>
      ) : (
        <div className="stack-small">
          <SelectField
            id={`${id}-kind`}
            label="Members answer with"
            value={kind}
            options={CHECKIN_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            onChange={(v) => setKind(v as CheckinKind)}
          />
          <SelectField
            id={`${id}-moment`}
            label="When"
            value={moment}
            options={[
              { value: 'start', label: 'At the start (how are you arriving?)' },
              { value: 'end', label: 'At the end (how are you leaving?)' },
            ]}
            onChange={(v) => setMoment(v as CheckinMoment)}
          />
        </div>
      )}
      <div className="actions">
        {checkin && !checkin.closed ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void run(async () => {
                await post(`checkins/${checkin.id}/close`)
                announce('The check-in is closed.')
              })
            }
          >
            Close the check-in
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(async () => {
                await post('checkins', { kind, moment })
                announce('The check-in is open for the group.')
              })
            }
          >
            Open a check-in
          </button>
        )}
      </div>
      {checkin?.aggregate && <CheckinAggregate aggregate={checkin.aggregate} />}
      {checkin && !checkin.aggregate && checkin.answered > 0 && (
        <p className="hint">The group’s answers show once at least three have checked in.</p>
      )}
      {answers.length > 0 && (
        <ul className="plain-list stack-small" aria-label="Each member’s check-in">
          {answers.map((a) => (
            <li key={a.name}>
              <PersonName name={a.name} colour={a.colour} />:{' '}
              {[a.mood !== null ? `${a.mood} of 10` : null, a.word ? `“${a.word}”` : null]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h3>Questionnaires</h3>
      <p className="hint">
        Scores go to you and to each member, never to the group. A PHQ-9 answered above “Not at all”
        on question 9 raises an alert here at once.
      </p>
      <div className="actions">
        {MEASURE_IDS.map((m) => (
          <button
            key={m}
            type="button"
            className="button button--secondary button--small"
            disabled={sentKinds.has(m)}
            onClick={() =>
              void run(async () => {
                await post('measures', { measure: m })
                announce(`${MEASURES[m].name} sent to the group.`)
              })
            }
          >
            {sentKinds.has(m) ? `${MEASURES[m].name} sent` : `Send the ${MEASURES[m].name}`}
          </button>
        ))}
      </div>
      {results.length > 0 && (
        <ul className="plain-list stack-small measure-list" aria-label="Results this session">
          {results.flatMap((r) =>
            Object.entries(r.results).map(([requestId, result]) => (
              <li key={requestId} data-self-harm={result.selfHarm || undefined}>
                <PersonName name={r.name} colour={r.colour} />, {MEASURES[result.measure].name}:{' '}
                <strong>
                  {result.score} ({result.band.toLowerCase()})
                </strong>
                {result.selfHarm && <strong> · question 9 above “Not at all”</strong>}
                <br />
                <span className="hint">
                  {result.earlier.length > 0
                    ? `Earlier in this group: ${result.earlier.map((e) => e.score).join(' → ')}`
                    : 'The first time in this group'}
                </span>
              </li>
            )),
          )}
        </ul>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
