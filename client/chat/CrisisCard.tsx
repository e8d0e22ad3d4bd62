import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { LINE_CRISIS, lineCrisis } from '../../shared/chat/lineDoc.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { CrisisResources, type ResourcesView } from './CrisisResources.tsx'
import './chat.css'

const latestCrisis = (map: Y.Map<unknown>): { id: string; resources: ResourcesView } | null => {
  let latest: { id: string; at: number; resources: ResourcesView } | null = null
  map.forEach((raw, id) => {
    const parsed = lineCrisis.safeParse(raw)
    if (parsed.success && (!latest || parsed.data.at > latest.at)) latest = { id, ...parsed.data }
  })
  return latest
}

/**
 * Shown to a member only, when something they wrote suggests they may be in danger: warm
 * words and the crisis lines of the group's region. Their message was not blocked or hidden,
 * and the card says the facilitators know. It stays until they close it.
 */
export function CrisisCard({ lineDoc }: { lineDoc: Y.Doc | null }) {
  const latest = useSharedMap(lineDoc, LINE_CRISIS, latestCrisis)
  const [closed, setClosed] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const shown = latest && latest.id !== closed ? latest : null
  const shownId = shown?.id ?? null
  // A new card takes the focus, so that a screen reader reads it at once.
  useEffect(() => {
    if (shownId) heading.current?.focus()
  }, [shownId])
  if (!shown) return null
  return (
    <section className="crisis-card" aria-labelledby="crisis-card-heading" role="region">
      <h2 id="crisis-card-heading" ref={heading} tabIndex={-1}>
        You are not alone
      </h2>
      <p>
        What you shared sounded very hard. Your facilitators have been told privately, and they will
        reach out. Only you can see this.
      </p>
      <CrisisResources resources={shown.resources} />
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setClosed(shown.id)}
      >
        Close
      </button>
    </section>
  )
}
