import { useState, type RefObject } from 'react'
import { CheckboxField } from '../ui/CheckboxField.tsx'
import { focusField } from '../ui/validateForm.ts'
import { anonymityStatement } from './anonymityStatement.ts'
import type { InvitationPreview } from './invitationPreview.ts'
import { StepHeading } from './StepHeading.tsx'

/** Step 2: the agreement, what it means for anonymity, and agreeing to it. */
export function AgreementStep({
  preview,
  headingRef,
  changed,
  onBack,
  onNext,
}: {
  preview: InvitationPreview
  headingRef: RefObject<HTMLHeadingElement | null>
  changed: boolean
  onBack: () => void
  onNext: () => void
}) {
  const [agreed, setAgreed] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const next = () => {
    if (agreed) return onNext()
    setError('Tick the box to agree, or ask your facilitator about anything that is unclear.')
    focusField('join-agree')
  }
  return (
    <div className="stack">
      <StepHeading step={2} headingRef={headingRef}>
        The group agreement
      </StepHeading>
      {changed && (
        <p className="notice notice--calm" role="status">
          The facilitator has just updated the agreement. Please read this version.
        </p>
      )}
      <p>Everyone in the group has agreed to this. Please read it before you join.</p>
      <div className="agreement-text">{preview.agreement.text}</div>
      <section className="notice notice--calm stack-small" aria-labelledby="privacy-heading">
        <h3 id="privacy-heading">Your privacy in this group</h3>
        {anonymityStatement(preview).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </section>
      <CheckboxField
        id="join-agree"
        label="I have read the group agreement and I agree to it"
        checked={agreed}
        onChange={(value) => {
          setAgreed(value)
          if (value) setError(undefined)
        }}
        error={error}
      />
      <div className="actions">
        <button type="button" className="button button--primary" onClick={next}>
          Continue
        </button>
        <button type="button" className="button button--quiet" onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  )
}
