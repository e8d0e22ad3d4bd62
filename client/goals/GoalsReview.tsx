import { useCallback } from 'react'
import { goalsView, type GoalsView } from '../../shared/goals/goalsView.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { PersonName } from '../ui/PersonName.tsx'
import { GoalList } from './GoalList.tsx'
import { ShareOwnGoals } from './ShareOwnGoals.tsx'
import './goals.css'

/**
 * The group's goals and, for a member, their own (with their consent to share them); for a
 * facilitator, the goals members chose to share with them. Which documents a person has comes
 * from the server; each is opened by its own rule.
 */
export function GoalsReview({ groupId }: { groupId: string }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/groups/${groupId}/goals`, { schema: goalsView, signal }),
    [groupId],
  )
  const [view, reload] = useResource(load)
  return (
    <Loaded resource={view} loading="Finding the goals…" retry={reload}>
      {(data) => <GoalsLists view={data} />}
    </Loaded>
  )
}

/** The lists of one goals view (from `/api/groups/:id/goals` or the member's library). */
export function GoalsLists({ view, level = 3 }: { view: GoalsView; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4'
  const Name = level === 3 ? 'h4' : 'h5'
  return (
    <div className="goals-review">
      <section className="stack-small" aria-label="The group’s goals">
        <Heading>The group’s goals</Heading>
        <GoalList
          document={view.group.document}
          writable={view.group.writable}
          label="The group’s goals"
          empty={
            view.group.writable
              ? 'No group goals yet. Agree them together and record them here.'
              : 'No group goals yet. The group agrees them together; a facilitator records them.'
          }
        />
      </section>
      {view.own && (
        <section className="stack-small" aria-label="My goals">
          <Heading>My goals</Heading>
          <p className="muted">Only you see these, unless you let your facilitators read them.</p>
          <GoalList
            document={view.own.document}
            writable
            label="My goals"
            empty="None yet. What would you like to be different?"
          />
          <ShareOwnGoals shared={view.own.sharedWithFacilitators} />
        </section>
      )}
      {view.sharedWithYou.length > 0 && (
        <section className="stack-small" aria-label="Goals members shared with you">
          <Heading>Shared with you</Heading>
          {view.sharedWithYou.map((member) => (
            <div key={member.document} className="stack-small">
              <Name>
                <PersonName name={member.name} colour={member.colour} />
              </Name>
              <GoalList
                document={member.document}
                writable={false}
                label={`${member.name}’s goals`}
                empty="No goals written yet."
              />
            </div>
          ))}
        </section>
      )}
    </div>
  )
}
