import { z } from 'zod'

/** Who is signed in, as `GET /api/me` says. */
export const meSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('facilitator'),
    id: z.string(),
    name: z.string(),
    email: z.string(),
    twoFactor: z.boolean(),
    preferences: z.object({ signalSound: z.boolean() }).default({ signalSound: false }),
  }),
  z.object({
    kind: z.literal('member'),
    name: z.string(),
    colour: z.string(),
    groupId: z.string(),
  }),
])
export type Me = z.infer<typeof meSchema>
export type FacilitatorMe = Extract<Me, { kind: 'facilitator' }>
export type MemberMe = Extract<Me, { kind: 'member' }>
