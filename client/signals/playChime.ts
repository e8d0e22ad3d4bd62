let context: AudioContext | null = null

/**
 * A soft two-note chime, made in the browser (no sound file to download). Browsers allow
 * sound only after the person has used the page; a chime they would block is skipped.
 */
export function playChime(): void {
  try {
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume()
    const start = context.currentTime
    for (const [offset, frequency] of [
      [0, 660],
      [0.22, 880],
    ] as const) {
      const tone = context.createOscillator()
      const volume = context.createGain()
      tone.type = 'sine'
      tone.frequency.value = frequency
      volume.gain.setValueAtTime(0.0001, start + offset)
      volume.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.03)
      volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.6)
      tone.connect(volume).connect(context.destination)
      tone.start(start + offset)
      tone.stop(start + offset + 0.65)
    }
  } catch {
    // No audio on this device or not allowed yet: the banner and the tab title still show it.
  }
}
