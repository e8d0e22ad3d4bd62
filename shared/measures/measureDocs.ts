import { z } from 'zod'
import { MEASURE_IDS } from './measures.ts'

/**
 * Measures sent at a session (issue 18). Scores are the member's and the facilitators', never
 * the group's. The server writes:
 *
 * - the room document (everyone in the room), map `measures`: request id → `{ measure, sentAt }`
 *   — which questionnaires were sent, nothing of anyone's answers;
 * - the member's private line (that member and the facilitators), map `measures`: request id →
 *   `{ measure, score, band, at }`: their own result;
 * - the signals document (facilitators only), map `measureResults`: line key → `{ name,
 *   colour, results }`, each result with the member's earlier scores on that measure in this
 *   group (the trend).
 */
export const ROOM_MEASURES = 'measures'
export const LINE_MEASURES = 'measures'
export const SIGNALS_MEASURE_RESULTS = 'measureResults'

export const sendMeasureRequest = z.object({ measure: z.enum(MEASURE_IDS) }).strict()

/** One answer per item, 0 to 3 (scored and checked for completeness by `scoreMeasure`). */
export const measureAnswersRequest = z
  .object({ answers: z.array(z.number().int().min(0).max(3)).min(1).max(20) })
  .strict()

export const sentMeasure = z.object({ measure: z.enum(MEASURE_IDS), sentAt: z.number() })
export type SentMeasure = z.infer<typeof sentMeasure>

export const measureResult = z.object({
  measure: z.enum(MEASURE_IDS),
  score: z.number().int(),
  band: z.string(),
  at: z.number(),
})
export type MeasureResult = z.infer<typeof measureResult>

/** A result as facilitators see it, with the earlier scores on the same measure (oldest first). */
export const facilitatorResult = measureResult.extend({
  earlier: z.array(z.object({ score: z.number().int(), at: z.number() })),
  /** PHQ-9: item 9 answered above "Not at all" (the crisis banner was raised too). */
  selfHarm: z.boolean(),
})
export type FacilitatorResult = z.infer<typeof facilitatorResult>

export const memberResults = z.object({
  name: z.string(),
  colour: z.string(),
  results: z.record(z.string(), facilitatorResult),
})
export type MemberResults = z.infer<typeof memberResults>

/** A member's own scores over sessions (`GET /api/member/measures`), oldest first. */
export const ownMeasure = z.object({
  measure: z.enum(MEASURE_IDS),
  score: z.number().int(),
  band: z.string(),
  sessionTitle: z.string(),
  startsAt: z.number(),
  answeredAt: z.number(),
})
export type OwnMeasure = z.infer<typeof ownMeasure>
