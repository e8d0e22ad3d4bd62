import { PersonName } from '../ui/PersonName.tsx'
import type { RoomPerson } from './parseRoomPerson.ts'

/**
 * Who is in the room now, by the names the server vouches for; facilitators are marked, and
 * for facilitators, a member with a silent signal not yet seen.
 */
export function InTheRoom({
  self,
  others,
  marks,
}: {
  self: RoomPerson
  others: RoomPerson[]
  /** For facilitators: members with a signal not yet seen, by pseudonym. */
  marks?: Map<string, string> | undefined
}) {
  const rest = others.filter((p) => !(p.role === self.role && p.name === self.name))
  const people = [{ ...self, you: true }, ...rest.map((p) => ({ ...p, you: false }))]
  const count = people.length
  return (
    <section className="panel" aria-labelledby="in-room-heading">
      <h2 id="in-room-heading" className="panel-heading">
        In the room
      </h2>
      <p className="visually-hidden" aria-live="polite">
        {count === 1 ? 'Only you are in the room.' : `${count} people are in the room.`}
      </p>
      <ul className="people-list" aria-label="People in the room">
        {people.map((person) => (
          <li key={`${person.role}:${person.name}`} className="people-item">
            <PersonName name={person.name} colour={person.colour} />
            {person.role === 'facilitator' && <span className="badge">Facilitator</span>}
            {person.you && <span className="muted">(you)</span>}
            {person.role === 'member' && marks?.get(person.name) && (
              <span className="badge badge--signal">{marks.get(person.name)}</span>
            )}
          </li>
        ))}
      </ul>
      {rest.length === 0 && <p className="muted">No one else has arrived yet.</p>}
    </section>
  )
}
