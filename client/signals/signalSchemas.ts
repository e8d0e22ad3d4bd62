import { z } from 'zod'
import type * as Y from 'yjs'
import { SIGNAL_KINDS, SIGNALS_LIST, SIGNALS_SEEN } from '../../shared/signals/signalDocs.ts'

export { SIGNAL_KINDS, type SignalKind } from '../../shared/signals/signalDocs.ts'

/** One silent signal, as the server writes it into the session's signals document. */
export const silentSignal = z.object({
  id: z.string().max(64),
  at: z.number(),
  kind: z.enum(SIGNAL_KINDS),
  name: z.string().max(80),
  colour: z.string(),
})
export type SilentSignal = z.infer<typeof silentSignal>

const seenMark = z.object({ at: z.number(), by: z.string().max(80) })
export type SeenMark = z.infer<typeof seenMark>

export type SignalWithState = SilentSignal & { seen: SeenMark | null }

/** Every signal of the session with whether (and by whom) it was marked seen, oldest first. */
export function readSessionSignals(doc: Y.Doc): SignalWithState[] {
  const seen = doc.getMap(SIGNALS_SEEN)
  return doc
    .getArray(SIGNALS_LIST)
    .toArray()
    .flatMap((raw) => {
      const parsed = silentSignal.safeParse(raw)
      if (!parsed.success) return []
      const mark = seenMark.safeParse(seen.get(parsed.data.id))
      return [{ ...parsed.data, seen: mark.success ? mark.data : null }]
    })
}

const lineSignal = z.object({
  at: z.number(),
  kind: z.enum(SIGNAL_KINDS),
  seenAt: z.number().nullable(),
})
export type LineSignal = z.infer<typeof lineSignal> & { id: string }

/** A member's own signals on their private line (its `LINE_SIGNALS` map), newest first. */
export function readLineSignals(map: Y.Map<unknown>): LineSignal[] {
  const out: LineSignal[] = []
  map.forEach((raw, id) => {
    const parsed = lineSignal.safeParse(raw)
    if (parsed.success) out.push({ ...parsed.data, id })
  })
  return out.sort((a, b) => b.at - a.at)
}

/** The member's latest signal, or null. */
export const latestLineSignal = (map: Y.Map<unknown>): LineSignal | null =>
  readLineSignals(map)[0] ?? null

/** What the facilitator reads, in a few words. */
export function describeSignal(signal: Pick<SilentSignal, 'kind' | 'name'>): string {
  return signal.kind === 'not-ok' ? `${signal.name} is not OK.` : `${signal.name} needs a moment.`
}
