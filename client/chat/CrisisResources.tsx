import type { z } from 'zod'
import type { regionResourcesView } from '../../shared/chat/lineDoc.ts'

export type ResourcesView = z.infer<typeof regionResourcesView>

/** A region's crisis lines, as text a person can act on: numbers to call or text, and sites. */
export function CrisisResources({ resources }: { resources: ResourcesView }) {
  // A number ("999", "112 / 15") or a sentence ("Call your local emergency number").
  const emergency = /^[\d\s/+().-]+$/.test(resources.emergency)
    ? `call ${resources.emergency}`
    : resources.emergency.charAt(0).toLowerCase() + resources.emergency.slice(1)
  return (
    <div className="crisis-resources">
      <p>
        <strong>If you are in danger right now, {emergency.replace(/\.$/, '')}.</strong>
      </p>
      <ul className="plain-list">
        {resources.lines.map((line) => (
          <li key={line.name}>
            <strong>{line.name}</strong>
            {line.phone && (
              <>
                {' '}
                — call <a href={`tel:${line.phone.replace(/[^\d+]/g, '')}`}>{line.phone}</a>
              </>
            )}
            {line.sms && <> — text {line.sms}</>}
            {line.hours && <span className="muted"> ({line.hours})</span>}
            {line.url && (
              <>
                {' '}
                <a href={line.url} target="_blank" rel="noopener noreferrer">
                  {line.url.replace(/^https?:\/\//, '')}
                </a>
              </>
            )}
            {line.note && <span className="muted"> {line.note}</span>}
          </li>
        ))}
      </ul>
      <p className="muted">Crisis lines for {resources.label}.</p>
    </div>
  )
}
