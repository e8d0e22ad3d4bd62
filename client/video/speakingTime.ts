import type { CallPerson } from './callTypes.ts'

/**
 * How long each person has spoken in this session's call, as this browser saw it (from the
 * call's active-speaker flags): for the facilitators' "quiet first" order of raised hands. Kept
 * in memory only, by the name the call shows (the pseudonym), for one session at a time (a
 * facilitator going on to another session starts from nothing); null before its call was joined.
 */
let session: string | null = null
let spoken: Map<string, number> | null = null
let speakingSince = new Map<string, number>()
const listeners = new Set<() => void>()

/** Called with the call's people whenever they change. */
export function noteSpeakers(
  sessionId: string,
  people: readonly CallPerson[],
  now = performance.now(),
) {
  if (session !== sessionId) {
    session = sessionId
    spoken = null
    speakingSince = new Map()
  }
  spoken ??= new Map()
  const speaking = new Set(people.filter((p) => p.speaking).map((p) => p.name))
  for (const [name, since] of speakingSince) {
    if (!speaking.has(name)) spoken.set(name, (spoken.get(name) ?? 0) + (now - since))
  }
  const next = new Map<string, number>()
  for (const name of speaking) next.set(name, speakingSince.get(name) ?? now)
  speakingSince = next
  listeners.forEach((fn) => fn())
}

/** Milliseconds each name has spoken (including a turn still going), or null without a call. */
export function speakingTimes(
  sessionId: string,
  now = performance.now(),
): Map<string, number> | null {
  if (!spoken || session !== sessionId) return null
  const totals = new Map(spoken)
  for (const [name, since] of speakingSince) totals.set(name, (totals.get(name) ?? 0) + now - since)
  return totals
}

export function onSpeakingChange(fn: () => void): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}
