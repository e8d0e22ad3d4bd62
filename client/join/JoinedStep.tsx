import type { RefObject } from 'react'
import { navigate } from '../router/navigation.ts'
import type { InvitationPreview } from './invitationPreview.ts'
import { StepHeading } from './StepHeading.tsx'

/** Done: welcome, and where to sign in next time. */
export function JoinedStep({
  preview,
  pseudonym,
  headingRef,
}: {
  preview: InvitationPreview
  pseudonym: string
  headingRef: RefObject<HTMLHeadingElement | null>
}) {
  const signIn = `${window.location.origin}/g/${preview.group.id}/sign-in`
  return (
    <div className="stack">
      <StepHeading headingRef={headingRef}>Welcome, {pseudonym}</StepHeading>
      <p>
        You are a member of {preview.group.name}. Your group page shows your next session and lets
        you join it when the facilitator opens the waiting room.
      </p>
      <p>
        Next time, sign in at <span className="break-anywhere">{signIn}</span> with your name and
        passphrase. Your group page shows this link too, to bookmark.
      </p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => navigate('/')}>
          Go to your group page
        </button>
      </div>
    </div>
  )
}
