/**
 * For a member, above the workspace, while the facilitators have brought everyone somewhere:
 * following, they may step away; stepped away, they can return to where the group is.
 */
export function PresentedNotice({
  title,
  following,
  onStepAway,
  onReturn,
}: {
  title: string
  following: boolean
  onStepAway: () => void
  onReturn: () => void
}) {
  return (
    <div className="presented-notice" role="status">
      <p>
        {following ? 'You are with the group on' : 'The group is on'} <strong>{title}</strong>.
      </p>
      {following ? (
        <button type="button" className="button button--quiet button--small" onClick={onStepAway}>
          Step away
        </button>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={onReturn}>
          Return to where the group is
        </button>
      )}
    </div>
  )
}
