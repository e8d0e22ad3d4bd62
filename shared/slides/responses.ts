import { z } from 'zod'

/**
 * Response slides (issue 14): a question the group answers without being put on the spot.
 * The question lives in the slide's meta (members read it); each answer goes to the server,
 * which keeps who said what to itself and writes only counts: all of them for the
 * facilitators, and, once they choose to show them, a group-safe summary into the deck.
 */
export const responseSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('choice'),
    options: z.array(z.string().trim().min(1).max(60)).min(2).max(6),
  }),
  z.object({
    kind: z.literal('scale'),
    min: z.union([z.literal(0), z.literal(1)]),
    max: z.union([z.literal(5), z.literal(10)]),
    minLabel: z.string().max(40),
    maxLabel: z.string().max(40),
  }),
  z.object({ kind: z.literal('word') }),
])
export type ResponseSpec = z.infer<typeof responseSpec>

/** How each kind of question starts, before the facilitator words it. */
export const NEW_QUESTIONS: Record<ResponseSpec['kind'], ResponseSpec> = {
  choice: { kind: 'choice', options: ['Yes', 'Not sure', 'No'] },
  scale: { kind: 'scale', min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Very much' },
  word: { kind: 'word' },
}

/** Nothing is shown to the group before this many answers: no count points at one person. */
export const SHOW_THRESHOLD = 3
/** A word shows to the group only when this many members gave it. */
export const WORD_THRESHOLD = 2
export const WORD_MAX = 30

/** One answer as the member sends it: the option or scale point, or the word. */
export const responseValue = z.union([
  z.number().int().min(0).max(10),
  z.string().max(WORD_MAX * 4),
])

/** A word as counted: trimmed, spaces collapsed, lower case; null when it is not a word. */
export function normaliseWord(raw: string): string | null {
  const word = raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
  if (word.length < 1 || word.length > WORD_MAX) return null
  // Letters, digits, spaces, apostrophes and hyphens: no markup, no links.
  return /^[\p{L}\p{N}' -]+$/u.test(word) ? word : null
}

/** The stored form of a valid answer to `spec`, or null. */
export function checkAnswer(spec: ResponseSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'choice':
      return Number.isInteger(value) &&
        (value as number) >= 0 &&
        (value as number) < spec.options.length
        ? String(value)
        : null
    case 'scale':
      return Number.isInteger(value) &&
        (value as number) >= spec.min &&
        (value as number) <= spec.max
        ? String(value)
        : null
    case 'word':
      return typeof value === 'string' ? normaliseWord(value) : null
  }
}

export interface ResponseResults {
  /** How many members answered. */
  count: number
  /** Choice: answers per option; scale: answers per point from `min`. */
  counts?: number[]
  /** Words with how many gave each, most first. */
  words?: { word: string; count: number }[]
}

/** Counts of stored answers, for the facilitators: every word, with no names. */
export function tally(spec: ResponseSpec, answers: readonly string[]): ResponseResults {
  if (spec.kind === 'word') {
    const byWord = new Map<string, number>()
    for (const a of answers) byWord.set(a, (byWord.get(a) ?? 0) + 1)
    const words = [...byWord]
      .map(([word, count]) => ({ word, count }))
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    return { count: answers.length, words }
  }
  const size = spec.kind === 'choice' ? spec.options.length : spec.max - spec.min + 1
  const offset = spec.kind === 'choice' ? 0 : spec.min
  const counts = Array.from({ length: size }, () => 0)
  for (const a of answers) {
    const i = Number(a) - offset
    if (i >= 0 && i < size) counts[i]!++
  }
  return { count: answers.length, counts }
}

/**
 * What the group may see of a tally: nothing below `SHOW_THRESHOLD` answers, and only the
 * words given by at least `WORD_THRESHOLD` members.
 */
export function forTheGroup(results: ResponseResults): ResponseResults | null {
  if (results.count < SHOW_THRESHOLD) return null
  return results.words
    ? { count: results.count, words: results.words.filter((w) => w.count >= WORD_THRESHOLD) }
    : results
}
