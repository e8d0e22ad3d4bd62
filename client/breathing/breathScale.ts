import type { BreathingMoment } from '../../shared/breathing/patterns.ts'

/** The circle's size with empty lungs, as a share of its full size. */
const EMPTY = 0.5

/** Slow at both ends of a breath, as a breath is. */
const ease = (p: number) => (1 - Math.cos(Math.PI * p)) / 2

/** How large the guide's circle is at this moment: growing in, full, shrinking out, small. */
export function breathScale(moment: BreathingMoment): number {
  if (moment.kind !== 'breathing') return EMPTY
  switch (moment.phase) {
    case 'in':
      return EMPTY + (1 - EMPTY) * ease(moment.progress)
    case 'hold':
      return 1
    case 'out':
      return 1 - (1 - EMPTY) * ease(moment.progress)
    case 'rest':
      return EMPTY
  }
}

/** What the guide tells people to do. */
export function breathLabel(moment: BreathingMoment): string {
  if (moment.kind === 'lead-in') return 'Get ready'
  if (moment.kind === 'done') return 'Done'
  return { in: 'Breathe in', hold: 'Hold', out: 'Breathe out', rest: 'Hold' }[moment.phase]
}

/** The phase as tests and styles read it (`data-phase`). */
export const phaseName = (moment: BreathingMoment): string =>
  moment.kind === 'breathing' ? moment.phase : moment.kind
