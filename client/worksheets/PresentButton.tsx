export interface PresentingControls {
  /** The worksheet everyone was brought to, or null. */
  presentedId: string | null
  /** Brings everyone to a worksheet, or (null) lets them go. */
  present: (worksheetId: string | null) => void
  busy: boolean
}

/**
 * For facilitators, beside each worksheet of the list: "Bring everyone here" moves every member
 * who follows the group to it (their own copy of a private sheet); while it is the group's
 * place, "Let everyone go" ends that.
 */
export function PresentButton({
  worksheetId,
  title,
  presenting,
}: {
  worksheetId: string
  title: string
  presenting: PresentingControls
}) {
  const here = presenting.presentedId === worksheetId
  return here ? (
    <span className="present-state">
      <span className="badge badge--calm">Everyone is here</span>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-disabled={presenting.busy || undefined}
        aria-label={`Let everyone go: ${title}`}
        onClick={() => !presenting.busy && presenting.present(null)}
      >
        Let everyone go
      </button>
    </span>
  ) : (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-disabled={presenting.busy || undefined}
      aria-label={`Bring everyone here: ${title}`}
      onClick={() => !presenting.busy && presenting.present(worksheetId)}
    >
      Bring everyone here
    </button>
  )
}
