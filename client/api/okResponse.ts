import { z } from 'zod'

/** The answer of writes that return nothing else. */
export const okResponse = z.object({ ok: z.literal(true) })
