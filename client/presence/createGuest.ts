/**
 * Colours for presence dots, each at least 3.6:1 against the page background in both the light
 * and the dark scheme. The label beside the dot carries the meaning; the colour only helps.
 */
export const GUEST_COLOURS = [
  '#d9480f',
  '#0b8a7a',
  '#7c5cd6',
  '#d6336c',
  '#3b6fd9',
  '#5c8a12',
] as const
export type GuestColour = (typeof GUEST_COLOURS)[number]

/** How a person appears to others. Never a real name: the playground has no accounts. */
export interface Guest {
  label: string
  colour: GuestColour
}

/** A neutral label ("Guest 27") and a colour, both random. */
export function createGuest(random: () => number = Math.random): Guest {
  const number = 1 + Math.floor(random() * 99)
  const colour = GUEST_COLOURS[Math.floor(random() * GUEST_COLOURS.length)] ?? GUEST_COLOURS[0]
  return { label: `Guest ${number}`, colour }
}
