import type { groupWorld } from '../../test/groupWorld.ts'
import type { TestServer } from '../../test/startTestServer.ts'

/** The people of the matrix's world (C2), the sets routes let through, and its fixtures. */
export type World = Awaited<ReturnType<typeof groupWorld>>
export type Person = keyof World['people']
export const PEOPLE: Person[] = [
  'lead',
  'co',
  'otherFacilitator',
  'admitted',
  'waiting',
  'removed',
  'otherMember',
  'visitor',
]
export const FACILITATORS_A: Person[] = ['lead', 'co']
export const ANY_FACILITATOR: Person[] = ['lead', 'co', 'otherFacilitator']
export const ANY_MEMBER: Person[] = ['admitted', 'waiting', 'otherMember']
export const PUBLIC: Person[] = PEOPLE

export interface RouteCase {
  allowed: Person[]
  /** A sign-in route: 401 there means "wrong credentials", not "not allowed". */
  signIn?: true
  /** Builds the concrete request; runs before each person's call. */
  request: (w: World, server: TestServer) => Promise<{ path: string; body?: unknown }>
}

/** Made by the test's set-up, before any route runs. */
export const fixtures = { invitationToken: '', privateWorksheet: '', deck: '', handout: '' }
