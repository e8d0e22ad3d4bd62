import { z } from 'zod'

/**
 * Raised hands (issue 18). The server writes them, in two places only:
 *
 * - the session's signals document (facilitators only), map `hands`: line key → `{ name,
 *   colour, raisedAt }`: the queue, in the order hands went up (the server's clock);
 * - the member's private line (that member and the facilitators), map `hand`, key `raisedAt`:
 *   their own hand, up (a time) or down (null), on every device they use.
 *
 * No other member learns whose hand is up, or where anyone stands in the queue.
 */
export const SIGNALS_HANDS = 'hands'
export const LINE_HAND = 'hand'

export const handRequest = z.object({ raised: z.boolean() }).strict()

export const raisedHand = z.object({
  name: z.string(),
  colour: z.string(),
  raisedAt: z.number(),
})
export type RaisedHand = z.infer<typeof raisedHand>
