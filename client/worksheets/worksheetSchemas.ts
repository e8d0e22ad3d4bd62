import { z } from 'zod'
import { docNameSchema } from '../../shared/documents/docName.ts'

const audience = z.enum(['facilitators', 'group'])
export type Audience = z.infer<typeof audience>

/** One worksheet of a session, as `GET /api/sessions/:id/worksheets` shows it to the caller. */
export const sessionWorksheet = z.object({
  id: z.string(),
  title: z.string(),
  mode: z.enum(['shared', 'private']),
  /** Each member does it before the next session. */
  homework: z.boolean().default(false),
  /** Closed by a facilitator: members' copies are read only. */
  closed: z.boolean().default(false),
  /** The shared sheet, or the member's own copy; null for facilitators on a private sheet. */
  document: docNameSchema.nullable(),
  sharedWithYou: z
    .array(z.object({ name: z.string(), colour: z.string(), document: docNameSchema }))
    .default([]),
  yourShares: z.array(z.object({ audience, fieldId: z.string().nullable() })).default([]),
  answers: docNameSchema.optional(),
})
export type SessionWorksheet = z.infer<typeof sessionWorksheet>

export const sessionWorksheets = z.object({ worksheets: z.array(sessionWorksheet) })

/** A template of the library (`GET /api/templates`). */
export const worksheetTemplate = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  source: z.string(),
  content: z.unknown(),
  builtIn: z.boolean(),
})
export type WorksheetTemplateView = z.infer<typeof worksheetTemplate>

export const templateList = z.object({ templates: z.array(worksheetTemplate) })

/** One answer a member shared, as the server mirrors it into the audience's document. */
export const sharedAnswer = z.object({
  name: z.string(),
  colour: z.string(),
  fieldId: z.string(),
  label: z.string(),
  text: z.string().optional().default(''),
  value: z.number().nullable().optional(),
})
export type SharedAnswer = z.infer<typeof sharedAnswer>
