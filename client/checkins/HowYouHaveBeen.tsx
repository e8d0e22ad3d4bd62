import { useCallback } from 'react'
import { z } from 'zod'
import { ownCheckin } from '../../shared/checkins/checkins.ts'
import { ownMeasure, type OwnMeasure } from '../../shared/measures/measureDocs.ts'
import { MEASURE_IDS, MEASURES, type MeasureId } from '../../shared/measures/measures.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { formatSessionStart } from '../ui/formatSessionTime.ts'
import { Loaded } from '../ui/Loaded.tsx'
import './checkins.css'

/** One's own check-ins and scores, each list read (and checked) once. */
async function loadHistory(signal: AbortSignal) {
  const [checkins, measures] = await Promise.all([
    apiRequest('/api/member/checkins', {
      schema: z.object({ checkins: z.array(ownCheckin) }),
      signal,
    }),
    apiRequest('/api/member/measures', {
      schema: z.object({ measures: z.array(ownMeasure) }),
      signal,
    }),
  ])
  return { ...checkins, ...measures }
}

/**
 * A line through a member's scores on one questionnaire, oldest to newest, on the measure's
 * whole range; the table beside it carries the numbers (the picture is for the eye only).
 */
function Trend({ measure, points }: { measure: MeasureId; points: OwnMeasure[] }) {
  const max = MEASURES[measure].items.length * 3
  const width = 240
  const height = 64
  const x = (i: number) =>
    points.length === 1 ? width / 2 : (i / (points.length - 1)) * (width - 8) + 4
  const y = (score: number) => height - 4 - (score / max) * (height - 8)
  return (
    <figure className="stack-small">
      <figcaption>
        {MEASURES[measure].name}: lower is better (0 to {max})
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="measure-trend" aria-hidden="true">
        <polyline
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')}
        />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.score)} r="3" fill="currentColor" />
        ))}
      </svg>
      <table className="measure-results">
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.answeredAt}>
              <th scope="row">
                {p.sessionTitle} ({formatSessionStart(p.startsAt)})
              </th>
              <td>
                {p.score} ({p.band.toLowerCase()})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

/**
 * On a member's home, their own check-ins and questionnaire scores over the sessions: what only
 * they (and their facilitators, for the scores) see. Nothing of anyone else's.
 */
export function HowYouHaveBeen() {
  const load = useCallback((signal: AbortSignal) => loadHistory(signal), [])
  const [resource, reload] = useResource(load)
  return (
    <section className="card stack-small" aria-labelledby="how-heading">
      <h2 id="how-heading">How you have been</h2>
      <Loaded resource={resource} loading="Loading your check-ins…" retry={reload}>
        {({ checkins, measures }) =>
          checkins.length === 0 && measures.length === 0 ? (
            <p className="muted">
              Your check-ins and questionnaires will show here, for you alone, once you have
              answered some.
            </p>
          ) : (
            <>
              {checkins.length > 0 && (
                <>
                  <h3>Your check-ins</h3>
                  <ul className="plain-list stack-small">
                    {[...checkins].reverse().map((c) => (
                      <li key={c.answeredAt}>
                        <strong>{c.sessionTitle}</strong> ({formatSessionStart(c.startsAt)}, at the{' '}
                        {c.moment}):{' '}
                        {[c.mood !== null ? `${c.mood} of 10` : null, c.word ? `“${c.word}”` : null]
                          .filter(Boolean)
                          .join(', ')}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {MEASURE_IDS.map((m) => {
                const points = measures.filter((p) => p.measure === m)
                return points.length > 0 ? <Trend key={m} measure={m} points={points} /> : null
              })}
              <p className="hint">
                Only you and your facilitators see your scores. They are a starting point for a
                conversation, not a diagnosis.
              </p>
            </>
          )
        }
      </Loaded>
    </section>
  )
}
