import type { StarterDeck } from './blocks.ts'
import { cbtTriangle } from './cbtTriangle.ts'
import { fightFlightFreeze } from './fightFlightFreeze.ts'
import { grief } from './grief.ts'
import { sleep } from './sleep.ts'

/** The decks that ship with Hearth: a facilitator starts from a copy and makes it theirs. */
export const STARTER_DECKS: readonly StarterDeck[] = [fightFlightFreeze, cbtTriangle, sleep, grief]

export type { StarterDeck }
