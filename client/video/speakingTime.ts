import type { CallPerson } from './callTypes.ts'

/**
 * How long each person has spoken in this session's call, as this browser saw it (from the
 * call's active-speaker flags): for the facilitators' "quiet first" order of raised hands. Kept
 * in memory only, by the name the call shows (the pseudonym); null before any call was joined.
 */
let spoken: Map<string, number> | null = null
let speakingSince = new Map<string, number>()
const listeners = new Set<() => void>()

/** Called with the call's people whenever they change. */
export function noteSpeakers(people: readonly CallPerson[], now = performance.now()) {
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
export function speakingTimes(now = performance.now()): Map<string, number> | null {
  if (!spoken) return null
  const totals = new Map(spoken)
  for (const [name, since] of speakingSince) totals.set(name, (totals.get(name) ?? 0) + now - since)
  return totals
}

export function onSpeakingChange(fn: () => void): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}
