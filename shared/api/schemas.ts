import { z } from 'zod'
import { crisisRegion } from '../crisis/regions.ts'

/**
 * Request bodies of the HTTP API, parsed on the server and used to type the client. Free text
 * is bounded; nothing here is ever logged.
 */

const text = (max: number) => z.string().trim().min(1).max(max)
/** Emails are compared trimmed and in lower case. */
const email = z.string().trim().toLowerCase().pipe(z.email().max(254))

export const loginRequest = z.object({
  email,
  password: z.string().min(1).max(256),
  code: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
})

export const setupRequest = z.object({
  token: z.string().min(20).max(100),
  email,
  displayName: text(80),
  password: z.string().max(256),
})

export const totpEnableRequest = z.object({ code: z.string().regex(/^\d{6}$/) })

export const GROUP_KINDS = ['thematic', 'psychoeducational', 'support', 'experiential'] as const

export const groupSettings = z.object({
  name: text(120),
  theme: text(120),
  kind: z.enum(GROUP_KINDS),
  description: z.string().trim().max(4000),
  goals: z.string().trim().max(4000),
  capacity: z.number().int().min(2).max(50),
  anonymousChat: z.boolean(),
  facilitatorsSeeAuthors: z.boolean(),
  autoAdmit: z.boolean(),
  /** The chat stays for members to revisit after a session (released like other material). */
  chatKept: z.boolean().default(true),
  /** Whose crisis lines members are shown (shared/crisis/regions.ts). */
  crisisRegion: crisisRegion.default('other'),
  /** The group's video is end-to-end encrypted: a key per session, only for those admitted. */
  videoE2ee: z.boolean().default(false),
  /**
   * Facilitators see each member's check-in (mood and word) by name; otherwise only the
   * group's aggregate, as members do.
   */
  checkinsNamed: z.boolean().default(false),
})
export type GroupSettings = z.infer<typeof groupSettings>

export const createGroupRequest = groupSettings.extend({ agreement: text(20_000) })
export const updateGroupRequest = groupSettings.partial()
export const publishAgreementRequest = z.object({ text: text(20_000) })

export const addFacilitatorRequest = z.object({
  email,
  role: z.enum(['lead', 'co']),
})

export const createInvitationRequest = z.object({
  maxUses: z.number().int().min(1).max(50),
  /** Whom it is for, in the facilitator's words; facilitators only see it. */
  label: z.string().trim().max(60).optional(),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
})

/** Pseudonyms: what peers see. Letters, digits, spaces and a few marks; 2–30 characters. */
export const pseudonym = z
  .string()
  .trim()
  .min(2)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, "letters, digits, spaces and . _ ' - only")

export const acceptInvitationRequest = z.object({
  pseudonym,
  passphrase: z.string().max(256),
  agreementVersion: z.number().int().min(1),
})

export const memberLoginRequest = z.object({
  groupId: z.string().max(40),
  pseudonym: z.string().max(60),
  passphrase: z.string().min(1).max(256),
})

export const acceptAgreementRequest = z.object({ version: z.number().int().min(1) })

/** `2026-12-01T18:00` in the session's own time zone. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)

export const scheduleSessionRequest = z.object({
  title: text(120),
  startsAtLocal: localDateTime,
  timeZone: z.string().max(64),
  durationMinutes: z.number().int().min(15).max(480),
  weeklyOccurrences: z.number().int().min(1).max(52).optional(),
})

export const admitRequest = z.union([
  z.object({ memberId: z.string().max(40) }),
  z.object({ all: z.literal(true) }),
])
export const memberActionRequest = z.object({ memberId: z.string().max(40) })

/** `POST /api/sessions/:id/waiting-message`: a short word to those waiting, or null to clear. */
export const waitingMessageRequest = z
  .object({ text: z.string().trim().min(1).max(200).nullable() })
  .strict()

/** `PUT /api/me/preferences`: a facilitator's own settings. */
export const preferencesRequest = z.object({ signalSound: z.boolean() }).strict()

/**
 * `POST /api/groups/:id/erase`: what cannot be undone is asked for in words, and with the
 * group's exact name typed, so that no stray request or wrong tab erases a group.
 */
export const eraseGroupRequest = z
  .object({ confirm: z.literal('erase'), name: z.string().max(200) })
  .strict()
