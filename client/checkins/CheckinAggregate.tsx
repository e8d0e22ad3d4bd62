import type { CheckinAggregate as Aggregate } from '../../shared/checkins/checkins.ts'

/**
 * The group's check-in as everyone sees it: how many gave each mood (a bar per step, with the
 * count written beside it, so the numbers carry the meaning, not the bar's length) and the
 * words, larger the more people gave them. Who gave which is not in it.
 */
export function CheckinAggregate({ aggregate }: { aggregate: Aggregate }) {
  const most = Math.max(1, ...aggregate.moods)
  const topWord = Math.max(1, ...aggregate.words.map(([, n]) => n))
  const anyMood = aggregate.moods.some((n) => n > 0)
  return (
    <div className="checkin-aggregate stack-small">
      {anyMood && (
        <figure className="checkin-moods">
          <figcaption>How the group feels, from 0 (very low) to 10 (very good)</figcaption>
          <ol className="plain-list checkin-bars">
            {aggregate.moods.map((count, mood) => (
              <li
                key={mood}
                aria-label={`${mood}: ${count === 1 ? '1 person' : `${count} people`}`}
              >
                <span className="checkin-bar-label" aria-hidden="true">
                  {mood}
                </span>
                <span
                  className="checkin-bar"
                  aria-hidden="true"
                  style={{ blockSize: `${(count / most) * 100}%` }}
                />
                <span className="checkin-bar-count" aria-hidden="true">
                  {count || ''}
                </span>
              </li>
            ))}
          </ol>
        </figure>
      )}
      {aggregate.words.length > 0 && (
        <figure className="checkin-words">
          <figcaption>The group’s words</figcaption>
          <ul className="plain-list checkin-cloud">
            {aggregate.words.map(([word, count]) => (
              <li
                key={word}
                style={{ fontSize: `${1 + (count / topWord) * 0.9}rem` }}
                aria-label={count > 1 ? `${word} (${count} people)` : word}
              >
                {word}
              </li>
            ))}
          </ul>
        </figure>
      )}
    </div>
  )
}
