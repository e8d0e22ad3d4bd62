import type { Browser } from 'playwright-core'
import { inject } from 'vitest'
import { callApi } from './callApi.ts'
import { openPerson, type Person } from './openPerson.ts'

export interface Room {
  groupId: string
  sessionId: string
  facilitator: Person
  members: Person[]
}

const PASSPHRASE = 'harbour-quiet-morning-tea'

/** Tomorrow at 18:00, as the schedule form sends it. */
function tomorrowEvening(): string {
  const day = new Date(Date.now() + 24 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T18:00`
}

/**
 * A fresh group with an open session that admits members as they arrive, the second
 * facilitator signed in, and one signed-in member per pseudonym, each at their own browser
 * (the last one on a phone). Nobody has opened the session page yet.
 */
export async function setUpRoom(browser: Browser, pseudonyms: string[]): Promise<Room> {
  const baseUrl = inject('baseUrl')
  const lead = inject('roomFacilitator')
  const facilitator = await openPerson(browser)
  const f = facilitator.page
  await f.goto(`${baseUrl}/login`)
  await callApi(f, 'POST', '/api/auth/login', { email: lead.email, password: lead.password })
  const { id: groupId } = await callApi<{ id: string }>(f, 'POST', '/api/groups', {
    name: `Room group ${Math.random().toString(36).slice(2, 8)}`,
    theme: 'Worry',
    kind: 'support',
    description: '',
    goals: '',
    capacity: 10,
    anonymousChat: true,
    facilitatorsSeeAuthors: false,
    autoAdmit: true,
    agreement: 'What is said in the group stays in the group.',
  })
  const { ids } = await callApi<{ ids: string[] }>(f, 'POST', `/api/groups/${groupId}/sessions`, {
    title: 'Week 2: Noticing thoughts',
    startsAtLocal: tomorrowEvening(),
    timeZone: 'UTC',
    durationMinutes: 90,
  })
  const sessionId = ids[0]!
  await callApi(f, 'POST', `/api/sessions/${sessionId}/status`, { status: 'open' })
  const members: Person[] = []
  if (pseudonyms.length === 0) return { groupId, sessionId, facilitator, members }
  const { url } = await callApi<{ url: string }>(f, 'POST', `/api/groups/${groupId}/invitations`, {
    maxUses: pseudonyms.length,
    expiresInHours: 24,
  })
  const token = new URL(url).hash.slice(1)
  for (const [index, pseudonym] of pseudonyms.entries()) {
    const member = await openPerson(browser, { phone: index === pseudonyms.length - 1 })
    await member.page.goto(`${baseUrl}/login`)
    await callApi(member.page, 'POST', `/api/invitations/${token}/accept`, {
      pseudonym,
      passphrase: PASSPHRASE,
      agreementVersion: 1,
    })
    members.push(member)
  }
  return { groupId, sessionId, facilitator, members }
}

/** The group's co-facilitator, added by the lead and signed in at their own browser. */
export async function addCoFacilitator(browser: Browser, room: Room): Promise<Person> {
  const baseUrl = inject('baseUrl')
  const co = inject('coFacilitator')
  await callApi(room.facilitator.page, 'POST', `/api/groups/${room.groupId}/facilitators`, {
    email: co.email,
    role: 'co',
  })
  const person = await openPerson(browser)
  await person.page.goto(`${baseUrl}/login`)
  await callApi(person.page, 'POST', '/api/auth/login', { email: co.email, password: co.password })
  return person
}
