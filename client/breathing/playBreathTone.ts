import type { BreathPhase } from '../../shared/breathing/patterns.ts'

let context: AudioContext | null = null

/** Lower as the breath goes out: a cue to follow with closed eyes. */
const PITCH: Record<BreathPhase, number> = { in: 392, hold: 330, out: 262, rest: 294 }

/**
 * Makes sound possible on this device. Call it from the person's own click (turning the sound
 * on): browsers allow audio only after a gesture.
 */
export function allowBreathTones(): void {
  try {
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume()
  } catch {
    // No audio here: the guide still shows every change.
  }
}

/** One soft, slowly fading tone at the start of a phase, made in the browser (no file). */
export function playBreathTone(phase: BreathPhase): void {
  if (!context || context.state !== 'running') return
  try {
    const start = context.currentTime
    const tone = context.createOscillator()
    const volume = context.createGain()
    tone.type = 'sine'
    tone.frequency.value = PITCH[phase]
    volume.gain.setValueAtTime(0.0001, start)
    volume.gain.exponentialRampToValueAtTime(0.08, start + 0.08)
    volume.gain.exponentialRampToValueAtTime(0.0001, start + 1.4)
    tone.connect(volume).connect(context.destination)
    tone.start(start)
    tone.stop(start + 1.5)
  } catch {
    // A tone that cannot play is skipped.
  }
}
