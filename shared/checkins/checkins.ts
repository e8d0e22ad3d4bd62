import { z } from 'zod'

/**
 * Check-ins (issue 18): a facilitator opens one at the start or the end of a session; members
 * answer with a mood from 0 to 10, a word, or both. The server keeps each answer and writes:
 *
 * - the room document (everyone in the room), map `checkin`: the check-in now, and its
 *   anonymous aggregate (a distribution of moods, a count per word) once at least
 *   `AGGREGATE_MIN_ANSWERS` answered — fewer would let members tell whose answer is whose;
 * - the member's private line, map `checkins`: check-in id → the time they answered (not the
 *   answer: facilitators read that line too, and see answers only where the group allows);
 * - the signals document (facilitators only), map `checkinAnswers`, only where the group's
 *   policy names answers: check-in id → line key → `{ name, colour, mood, word }`.
 */
export const ROOM_CHECKIN = 'checkin'
export const LINE_CHECKINS = 'checkins'
export const SIGNALS_CHECKIN_ANSWERS = 'checkinAnswers'

export const AGGREGATE_MIN_ANSWERS = 3
export const WORD_MAX = 30

export const CHECKIN_KINDS = ['mood', 'word', 'both'] as const
export type CheckinKind = (typeof CHECKIN_KINDS)[number]
export const CHECKIN_MOMENTS = ['start', 'end'] as const
export type CheckinMoment = (typeof CHECKIN_MOMENTS)[number]

export const MOOD_LABELS = { 0: 'Very low', 5: 'In between', 10: 'Very good' } as const

export const openCheckinRequest = z
  .object({ kind: z.enum(CHECKIN_KINDS), moment: z.enum(CHECKIN_MOMENTS) })
  .strict()

/**
 * One word (or two or three), folded to lower case with its spaces tidied, so "Tired " and
 * "tired" count as one in the word cloud.
 */
export const checkinWord = z
  .string()
  .transform((w) => w.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'Write a word, or leave it out.')
      .max(WORD_MAX, `A word or two: up to ${WORD_MAX} characters.`)
      .refine((w) => w.split(' ').length <= 3, 'A word or two: up to three words.')
      .refine((w) => !/[\p{Cc}\p{Cf}]/u.test(w), 'Letters, please.'),
  )

export const checkinAnswerRequest = z
  .object({
    mood: z.number().int().min(0).max(10).optional(),
    word: checkinWord.optional(),
  })
  .strict()
export type CheckinAnswer = z.infer<typeof checkinAnswerRequest>

/** Whether an answer gives what the check-in asks for (both parts when it asks for both). */
export function answerFits(kind: CheckinKind, answer: CheckinAnswer): boolean {
  const mood = answer.mood !== undefined
  const word = answer.word !== undefined
  if (kind === 'mood') return mood && !word
  if (kind === 'word') return word && !mood
  return mood && word
}

export const checkinAggregate = z.object({
  /** How many answered each mood, 0 to 10. */
  moods: z.array(z.number().int().min(0)).length(11),
  /** Each word once, with how many gave it, most frequent first. */
  words: z.array(z.tuple([z.string(), z.number().int().min(1)])),
})
export type CheckinAggregate = z.infer<typeof checkinAggregate>

/** The check-in now, as the room document holds it. */
export const roomCheckin = z.object({
  id: z.string(),
  kind: z.enum(CHECKIN_KINDS),
  moment: z.enum(CHECKIN_MOMENTS),
  openedAt: z.number(),
  closed: z.boolean(),
  answered: z.number().int().min(0),
  /** Whether the facilitators see each answer by name (the group's setting), told to members. */
  named: z.boolean(),
  /** Null until enough answered to show it without giving anyone away. */
  aggregate: checkinAggregate.nullable(),
})
export type RoomCheckin = z.infer<typeof roomCheckin>

/** The group's answers as a distribution and a word count: who gave which is not in it. */
export function aggregateOf(
  answers: readonly { mood: number | null; word: string | null }[],
): CheckinAggregate {
  const moods = Array.from({ length: 11 }, () => 0)
  const words = new Map<string, number>()
  for (const { mood, word } of answers) {
    if (mood !== null) moods[mood]! += 1
    if (word !== null) words.set(word, (words.get(word) ?? 0) + 1)
  }
  return {
    moods,
    // Ties in alphabetical order: the order answers came in would tell who wrote what.
    words: [...words].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  }
}

/** A member's own check-ins, for their history (`GET /api/member/checkins`). */
export const ownCheckin = z.object({
  sessionTitle: z.string(),
  startsAt: z.number(),
  moment: z.enum(CHECKIN_MOMENTS),
  mood: z.number().nullable(),
  word: z.string().nullable(),
  answeredAt: z.number(),
})
export type OwnCheckin = z.infer<typeof ownCheckin>
