import { describe, expect, it } from 'vitest'
import { listRoomPeople, parseRoomPerson } from './parseRoomPerson.ts'

const robin = { name: 'Robin', colour: '#1d6fa3', role: 'member' }
const lead = { name: 'Dr Morgan', colour: '#2f5d50', role: 'facilitator' }

describe('parseRoomPerson', () => {
  it('reads the identity the server stamped', () => {
    expect(parseRoomPerson({ user: robin, cursor: { x: 1 } })).toEqual(robin)
  })

  it('shows nothing for a state without a well-formed identity', () => {
    expect(parseRoomPerson({})).toBeNull()
    expect(parseRoomPerson(null)).toBeNull()
    expect(parseRoomPerson({ guest: { label: 'Guest 3' } })).toBeNull()
    expect(parseRoomPerson({ user: { ...robin, role: 'admin' } })).toBeNull()
    expect(parseRoomPerson({ user: { ...robin, colour: 'url(https://x.test)' } })).toBeNull()
    expect(parseRoomPerson({ user: { ...robin, name: ' ' } })).toBeNull()
    expect(parseRoomPerson({ user: { ...robin, name: 'x'.repeat(81) } })).toBeNull()
  })
})

describe('listRoomPeople', () => {
  it('lists facilitators first, each person once', () => {
    const ash = { ...robin, name: 'Ash' }
    expect(
      listRoomPeople([{ user: robin }, { user: lead }, { user: robin }, { user: ash }, {}]),
    ).toEqual([lead, ash, robin])
  })
})
