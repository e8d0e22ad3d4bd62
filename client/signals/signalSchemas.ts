import { z } from 'zod'
import type * as Y from 'yjs'
import {
  ALERT_SOURCES,
  SIGNAL_KINDS,
  SIGNALS_LIST,
  SIGNALS_RESOURCES,
  SIGNALS_SEEN,
} from '../../shared/signals/signalDocs.ts'
import { docNameSchema } from '../../shared/documents/docName.ts'

export { SIGNAL_KINDS, type SignalKind } from '../../shared/signals/signalDocs.ts'

/**
 * One silent signal, as the server writes it into the session's signals document; or a crisis
 * alert (kind `crisis`), raised by the server when a message matched a risk phrase, with the
 * words (null once the message was removed).
 */
export const silentSignal = z.object({
  id: z.string().max(64),
  at: z.number(),
  kind: z.enum([...SIGNAL_KINDS, 'crisis']),
  name: z.string().max(80),
  colour: z.string(),
  /** The member's private line, where a facilitator may answer them (when they may know who). */
  line: docNameSchema.optional(),
  category: z.string().max(40).optional(),
  source: z.enum(ALERT_SOURCES).optional(),
  text: z.string().nullable().optional(),
})
export type SilentSignal = z.infer<typeof silentSignal>

const seenMark = z.object({ at: z.number(), by: z.string().max(80) })
export type SeenMark = z.infer<typeof seenMark>

export type SignalWithState = SilentSignal & {
  seen: SeenMark | null
  /** A crisis alert: when a facilitator sent the writer crisis resources, and who. */
  resourcesSent: SeenMark | null
}

/** Every signal of the session with whether (and by whom) it was marked seen, oldest first. */
export function readSessionSignals(doc: Y.Doc): SignalWithState[] {
  const seen = doc.getMap(SIGNALS_SEEN)
  const sent = doc.getMap(SIGNALS_RESOURCES)
  return doc
    .getArray(SIGNALS_LIST)
    .toArray()
    .flatMap((raw) => {
      const parsed = silentSignal.safeParse(raw)
      if (!parsed.success) return []
      const mark = seenMark.safeParse(seen.get(parsed.data.id))
      const resources = seenMark.safeParse(sent.get(parsed.data.id))
      return [
        {
          ...parsed.data,
          seen: mark.success ? mark.data : null,
          resourcesSent: resources.success ? resources.data : null,
        },
      ]
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
const RISK_WORDS: Record<string, string> = {
  suicide: 'suicide',
  'self-harm': 'self-harm',
  'harm-to-others': 'harm to others',
  abuse: 'abuse',
}

export function describeSignal(
  signal: Pick<SilentSignal, 'kind' | 'name' | 'category' | 'source'>,
): string {
  if (signal.kind === 'crisis') {
    if (signal.source === 'measure') {
      return `${signal.name} answered PHQ-9 question 9 (thoughts of being better off dead or of self-harm) above “Not at all”.`
    }
    const where = {
      line: 'A private message',
      checkin: 'A check-in word',
      chat: 'A chat message',
      measure: '',
    }[signal.source ?? 'chat']
    const risk = RISK_WORDS[signal.category ?? ''] ?? 'risk'
    return `${where} from ${signal.name} may be about ${risk}.`
  }
  return signal.kind === 'not-ok' ? `${signal.name} is not OK.` : `${signal.name} needs a moment.`
}
