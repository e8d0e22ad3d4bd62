import { z } from 'zod'

export const SIGNAL_KINDS = ['need-a-moment', 'not-ok'] as const
export type SignalKind = (typeof SIGNAL_KINDS)[number]

/** One silent signal, as the server writes it into the session's signals document. */
export const silentSignal = z.object({
  at: z.number(),
  kind: z.enum(SIGNAL_KINDS),
  name: z.string().max(80),
  colour: z.string(),
})
export type SilentSignal = z.infer<typeof silentSignal>

/** What the facilitator reads, in a few words. */
export function describeSignal(signal: SilentSignal): string {
  return signal.kind === 'not-ok' ? `${signal.name} is not OK.` : `${signal.name} needs a moment.`
}
