import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { listRoomPeople, type RoomPerson } from './parseRoomPerson.ts'

function othersIn(awareness: Awareness): RoomPerson[] {
  const states = [...awareness.getStates()]
    .filter(([clientId]) => clientId !== awareness.clientID)
    .map(([, state]) => state)
  return listRoomPeople(states)
}

/**
 * The other people in the room, from the presence the server relays. This tab's own state is
 * left out: only the server's stamp on it is trustworthy, and that never comes back to us.
 */
export function useRoomPeople(awareness: Awareness): RoomPerson[] {
  const [people, setPeople] = useState(() => othersIn(awareness))
  useEffect(() => {
    const onChange = () => setPeople(othersIn(awareness))
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness])
  return people
}
