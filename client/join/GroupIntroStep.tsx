import type { RefObject } from 'react'
import { GROUP_KIND_SHORT } from '../groups/groupKinds.ts'
import type { InvitationPreview } from './invitationPreview.ts'
import { StepHeading } from './StepHeading.tsx'

/** Step 1: what the group is, and what joining involves. */
export function GroupIntroStep({
  preview,
  headingRef,
  onNext,
}: {
  preview: InvitationPreview
  headingRef: RefObject<HTMLHeadingElement | null>
  onNext: () => void
}) {
  const { group } = preview
  return (
    <div className="stack">
      <StepHeading step={1} headingRef={headingRef}>
        About the group
      </StepHeading>
      <dl className="facts">
        <div>
          <dt>Group</dt>
          <dd>{group.name}</dd>
        </div>
        <div>
          <dt>Theme</dt>
          <dd>
            {group.theme} · {GROUP_KIND_SHORT[group.kind]} group
          </dd>
        </div>
      </dl>
      {group.description && <p className="prose">{group.description}</p>}
      <p>
        {preview.pseudonym
          ? `This link restores access for ${preview.pseudonym}. You will read the group agreement, then choose a new passphrase.`
          : 'Joining takes a few minutes: you read the group agreement, then choose the name the group will know you by and a passphrase.'}
      </p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onNext}>
          Continue
        </button>
      </div>
    </div>
  )
}
