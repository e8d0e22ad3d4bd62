import { z } from 'zod'

/**
 * Breathing together (issue 18): the paced patterns a facilitator can lead, and where in one
 * of them the group is at a given moment. Every screen computes the same moment from the
 * server's clock (`phaseAt`), so the guides run in step without the server sending ticks.
 */

/** A part of one breath: breathing in, holding full, breathing out, resting empty. */
export type BreathPhase = 'in' | 'hold' | 'out' | 'rest'

export interface BreathStep {
  phase: BreathPhase
  seconds: number
}

export interface BreathingPattern {
  /** What the facilitator picks from, and what the guide says it is. */
  label: string
  /** One round (one breath), in order. */
  steps: readonly BreathStep[]
  /** Rounds when the facilitator does not say: about a minute or a little over. */
  rounds: number
}

export const BREATHING_PATTERNS = {
  box: {
    label: 'Box breathing (4-4-4-4)',
    steps: [
      { phase: 'in', seconds: 4 },
      { phase: 'hold', seconds: 4 },
      { phase: 'out', seconds: 4 },
      { phase: 'rest', seconds: 4 },
    ],
    rounds: 4,
  },
  '4-7-8': {
    label: '4-7-8 breathing',
    steps: [
      { phase: 'in', seconds: 4 },
      { phase: 'hold', seconds: 7 },
      { phase: 'out', seconds: 8 },
    ],
    rounds: 4,
  },
  'long-exhale': {
    label: 'A longer breath out (4-6)',
    steps: [
      { phase: 'in', seconds: 4 },
      { phase: 'out', seconds: 6 },
    ],
    rounds: 6,
  },
} as const satisfies Record<string, BreathingPattern>

export type PatternId = keyof typeof BREATHING_PATTERNS
export const PATTERN_IDS = Object.keys(BREATHING_PATTERNS) as [PatternId, ...PatternId[]]

/** At most this many rounds: a few minutes of any pattern. */
export const MAX_ROUNDS = 20

/** How long before its first breath an exercise is announced, so every screen starts together. */
export const LEAD_IN_MS = 3000

/** `POST /api/sessions/:id/breathing`: what to breathe, and how many rounds (else the pattern's). */
export const breathingRequest = z
  .object({
    pattern: z.enum(PATTERN_IDS),
    rounds: z.number().int().min(1).max(MAX_ROUNDS).optional(),
  })
  .strict()

/**
 * The exercise as the server writes it into the room document (map `state`, key `breathing`;
 * null when none): the first breath begins at `startsAt` on the server's clock; `at` tells one
 * start from the next.
 */
export const breathingState = z.object({
  pattern: z.enum(PATTERN_IDS),
  rounds: z.number().int().min(1).max(MAX_ROUNDS),
  startsAt: z.number(),
  at: z.number(),
})
export type BreathingState = z.infer<typeof breathingState>

/** The key of the room document's `state` map that holds the exercise. */
export const ROOM_BREATHING = 'breathing'

/** Where a group is in an exercise, `ms` after its first breath (negative: still to come). */
export type BreathingMoment =
  | { kind: 'lead-in'; secondsLeft: number }
  | {
      kind: 'breathing'
      phase: BreathPhase
      /** Whole seconds left in this phase, counted down to 1. */
      secondsLeft: number
      /** How far through this phase, 0 to 1. */
      progress: number
      /** Counted from 1. */
      round: number
    }
  | { kind: 'done' }

/** How long one round of the pattern lasts, in ms. */
export const roundMs = (pattern: BreathingPattern): number =>
  pattern.steps.reduce((sum, step) => sum + step.seconds * 1000, 0)

/** How long a whole exercise lasts, in ms (from its first breath). */
export const exerciseMs = (pattern: BreathingPattern, rounds: number): number =>
  roundMs(pattern) * rounds

/** The moment of the exercise `ms` after its first breath: the same on every screen. */
export function phaseAt(pattern: BreathingPattern, rounds: number, ms: number): BreathingMoment {
  if (ms < 0) return { kind: 'lead-in', secondsLeft: Math.ceil(-ms / 1000) }
  const round = roundMs(pattern)
  if (round <= 0 || ms >= round * rounds) return { kind: 'done' }
  let into = ms % round
  for (const step of pattern.steps) {
    const length = step.seconds * 1000
    if (into < length) {
      return {
        kind: 'breathing',
        phase: step.phase,
        secondsLeft: Math.ceil((length - into) / 1000),
        progress: into / length,
        round: Math.floor(ms / round) + 1,
      }
    }
    into -= length
  }
  return { kind: 'done' }
}
