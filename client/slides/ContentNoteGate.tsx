import { useState, type ReactNode } from 'react'

/**
 * A content note before what it warns of: the member chooses to look or to skip, here in
 * their own browser only (nobody is told, nothing is sent). Skipped, a calm placeholder stands
 * in, with a way to look after all. Render with `key` = what the note is about.
 */
export function ContentNoteGate({
  note,
  what,
  children,
}: {
  note: string
  /** "these slides", "this slide". */
  what: string
  children: ReactNode
}) {
  const [choice, setChoice] = useState<'ask' | 'show' | 'skip'>(note ? 'ask' : 'show')
  if (choice === 'show') return children
  return (
    <div className="content-note slide" role="group" aria-label={`Content note for ${what}`}>
      <div className="slide-inner content-note-inner">
        {choice === 'ask' ? (
          <>
            <p>
              <strong>Content note:</strong> {note}
            </p>
            <p className="muted">You can look at {what} or skip; nobody is told which.</p>
            <div className="actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setChoice('show')}
              >
                Show {what}
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setChoice('skip')}
              >
                Skip {what}
              </button>
            </div>
          </>
        ) : (
          <>
            <p>You chose to skip {what}. Take the time you need.</p>
            <div>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setChoice('show')}
              >
                Show {what} after all
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  )
}
