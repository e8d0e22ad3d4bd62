import type { ReactNode, RefObject } from 'react'

/** The heading of one step of joining, with where it stands ("Step 2 of 3"). */
export function StepHeading({
  step,
  children,
  headingRef,
}: {
  step?: number
  children: ReactNode
  headingRef: RefObject<HTMLHeadingElement | null>
}) {
  return (
    <div className="step-heading">
      {step !== undefined && <p className="step-count">Step {step} of 3</p>}
      <h2 ref={headingRef} tabIndex={-1}>
        {children}
      </h2>
    </div>
  )
}
