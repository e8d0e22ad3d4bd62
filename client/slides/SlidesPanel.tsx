import { useState } from 'react'
import type { Handout, SlidesPresented } from '../session/roomState.ts'
import { BringDeckForm } from './BringDeckForm.tsx'
import { DeckViewer } from './DeckViewer.tsx'
import './slides.css'

export interface SlidesPanelProps {
  sessionId: string
  groupId: string
  role: 'facilitator' | 'member'
  handouts: Handout[]
  presented: SlidesPresented | null
  over: boolean
}

/**
 * The room's Slides tab (its own chunk, loaded when the tab opens): the decks brought into
 * the session. While a facilitator presents, that deck is shown and members follow the
 * presenter's slide; anyone may open another deck to read.
 */
export function SlidesPanel(props: SlidesPanelProps) {
  const { handouts, presented, role, over } = props
  const [chosen, setChosen] = useState<string | null>(null)
  // A new presentation brings everyone back to the presented deck.
  const [lastStart, setLastStart] = useState(presented?.id ?? null)
  if ((presented?.id ?? null) !== lastStart) {
    setLastStart(presented?.id ?? null)
    setChosen(null)
  }
  const live = presented && !over ? presented.id : null
  const open = handouts.find((h) => h.id === (chosen ?? live ?? handouts[0]?.id)) ?? null
  return (
    <div className="stack-small">
      {role === 'facilitator' && !over && <BringDeckForm sessionId={props.sessionId} />}
      {handouts.length === 0 ? (
        <p className="muted">
          {role === 'facilitator'
            ? 'No slides in this session yet. Bring a deck to present it.'
            : 'No slides in this session yet.'}
        </p>
      ) : (
        handouts.length > 1 && (
          <div className="actions" role="group" aria-label="Decks in this session">
            {handouts.map((h) => (
              <button
                key={h.id}
                type="button"
                className="button button--quiet button--small"
                aria-pressed={h.id === open?.id}
                onClick={() => setChosen(h.id)}
              >
                {h.title}
                {h.id === live ? ' (presented)' : ''}
              </button>
            ))}
          </div>
        )
      )}
      {open && (
        <DeckViewer
          key={open.id}
          sessionId={props.sessionId}
          groupId={props.groupId}
          handout={open}
          role={role}
          presented={live === open.id ? presented : null}
          over={over}
        />
      )}
    </div>
  )
}
