import type { ResponseResults, ResponseSpec } from '../../shared/slides/responses.ts'

/** Labels of each count: the choices, or the scale's points. */
const labelsOf = (spec: ResponseSpec): string[] =>
  spec.kind === 'choice'
    ? spec.options
    : spec.kind === 'scale'
      ? Array.from({ length: spec.max - spec.min + 1 }, (_, i) => String(spec.min + i))
      : []

/** Counts as bars (text first, so a screen reader reads them as a list), or words. */
export function ResultsView({ spec, results }: { spec: ResponseSpec; results: ResponseResults }) {
  const most = Math.max(1, ...(results.counts ?? []), ...(results.words ?? []).map((w) => w.count))
  const rows = results.words
    ? results.words.map((w) => ({ label: w.word, count: w.count }))
    : (results.counts ?? []).map((count, i) => ({ label: labelsOf(spec)[i] ?? '', count }))
  return (
    <div className="stack-small">
      <p className="muted">
        {results.count} {results.count === 1 ? 'answer' : 'answers'}
        {spec.kind === 'scale'
          ? ` (${spec.min} ${spec.minLabel}, ${spec.max} ${spec.maxLabel})`
          : ''}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No word was given by more than one person.</p>
      ) : (
        <ul className="plain-list results">
          {rows.map((row) => (
            <li key={row.label} className="results-row">
              <span>
                {row.label}: {row.count}
              </span>
              <span
                className="results-bar"
                aria-hidden="true"
                style={{ inlineSize: `${(row.count / most) * 100}%` }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
