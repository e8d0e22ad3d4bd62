/**
 * Presence colours for members: distinct, and each readable as text and as a dot on both the
 * light and the dark background (contrast ≥ 3:1 for the dot, 4.5:1 for text on white).
 */
export const MEMBER_COLOURS = [
  '#b4236a',
  '#1d6fa3',
  '#8a5a00',
  '#2e7d32',
  '#6a3fb5',
  '#b23c17',
  '#00796b',
  '#5d6b00',
  '#a0307f',
  '#3f51b5',
  '#7b5e3b',
  '#c2185b',
] as const

/** The first colour not yet used in the group, cycling when all are taken. */
export function nextColour(used: readonly string[]): string {
  const free = MEMBER_COLOURS.find((c) => !used.includes(c))
  return free ?? MEMBER_COLOURS[used.length % MEMBER_COLOURS.length]!
}
