import { z } from 'zod'
import { docNameSchema } from '../../shared/documents/docName.ts'

export const SESSION_STATUSES = ['scheduled', 'open', 'live', 'ended', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/** A session as the server shows it to facilitators and on the session page. */
export const sessionView = z.object({
  id: z.string(),
  groupId: z.string(),
  title: z.string(),
  startsAt: z.number(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  status: z.enum(SESSION_STATUSES),
  locked: z.boolean(),
})
export type SessionView = z.infer<typeof sessionView>

export const sessionList = z.object({ sessions: z.array(sessionView) })

const waitingMessage = z.object({ text: z.string().max(200), at: z.number() })
export type WaitingMessage = z.infer<typeof waitingMessage>

/** `GET /api/sessions/:id`: the session, where the person stands, and the room once in. */
export const sessionEntry = z.object({
  session: sessionView,
  you: z.enum(['none', 'waiting', 'admitted', 'removed', 'facilitator']),
  documents: z.object({ room: docNameSchema, line: docNameSchema.optional() }).nullable(),
  /** The facilitators' word to those waiting. */
  waitingMessage: waitingMessage.nullable().default(null),
  /** The group's chat policy: whether members write anonymously, and whether it is kept. */
  chat: z
    .object({ anonymous: z.boolean(), facilitatorsSeeAuthors: z.boolean(), kept: z.boolean() })
    .default({ anonymous: true, facilitatorsSeeAuthors: false, kept: true }),
})
export type ChatPolicy = SessionEntry['chat']
export type SessionEntry = z.infer<typeof sessionEntry>

export const joinAnswer = z.object({ state: z.enum(['waiting', 'admitted']) })

export const ATTENDANCE_STATES = ['waiting', 'admitted', 'removed'] as const

/** `GET /api/sessions/:id/waiting-room`, for facilitators. */
export const waitingRoom = z.object({
  session: sessionView,
  people: z.array(
    z.object({
      memberId: z.string(),
      pseudonym: z.string(),
      colour: z.string(),
      state: z.enum(ATTENDANCE_STATES),
      /** In the session's video call: first joined, last left, and whether they are in it now. */
      callJoinedAt: z.number().nullable().default(null),
      callLeftAt: z.number().nullable().default(null),
      inCall: z.number().nullable().default(null),
    }),
  ),
  message: waitingMessage.nullable().default(null),
})
export type WaitingRoom = z.infer<typeof waitingRoom>
export type WaitingPerson = WaitingRoom['people'][number]
