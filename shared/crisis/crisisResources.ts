import { z } from 'zod'

/**
 * The crisis lines a member is shown, privately, when something they write in the group chat
 * matches a risk phrase (issue 15). The server holds each region's lines
 * (server/crisis/defaultResources.ts, replaceable per deployment) and sends the group's region
 * to the writer's browser; both sides parse it with `regionResources`.
 */
export interface CrisisLine {
  name: string
  /** As dialled in the region, spaced the way the service writes it. */
  phone?: string
  /** The number to text; a keyword to send, if any, goes in `note`. */
  sms?: string
  url?: string
  /** Omitted where the service's own page does not promise hours we could check. */
  hours?: string
  /** BCP 47 codes of the languages the line answers in. */
  languages?: string[]
  note?: string
}

export interface RegionResources {
  /** A code of CRISIS_REGIONS (shared/crisis/regions.ts). */
  region: string
  label: string
  /** The emergency number(s), as words a person reads in a hurry ("911", "112 or 15 (SAMU)"). */
  emergency: string
  lines: CrisisLine[]
  /** The official pages the numbers were taken from, so they can be checked again. */
  sources: string[]
}

/** Only https links: a line's link is put in front of someone in crisis. */
const httpsUrl = z.url({ protocol: /^https$/ }).max(500)
const dialable = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[0-9+()\- .]+$/, 'digits, spaces and + ( ) - . only')

export const crisisLine = z.strictObject({
  name: z.string().trim().min(1).max(120),
  phone: dialable.optional(),
  sms: dialable.optional(),
  url: httpsUrl.optional(),
  hours: z.string().trim().min(1).max(80).optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 code such as "en"'))
    .max(20)
    .optional(),
  note: z.string().trim().min(1).max(300).optional(),
}) satisfies z.ZodType<CrisisLine>

export const regionResources = z.strictObject({
  region: z.string().min(1).max(20),
  label: z.string().trim().min(1).max(80),
  emergency: z.string().trim().min(1).max(120),
  lines: z.array(crisisLine).min(1).max(12),
  sources: z.array(httpsUrl).min(1).max(20),
}) satisfies z.ZodType<RegionResources>
