/**
 * Art-therapy prompts a facilitator can show above the group canvas: short, open, and safe to
 * offer a group (none asks anyone to draw a trauma). Each names where it comes from.
 */
export interface CanvasPrompt {
  id: string
  text: string
  source: string
}

export const CANVAS_PROMPTS: readonly CanvasPrompt[] = [
  {
    id: 'safe-place',
    text: 'Draw a place where you feel safe and calm. It can be real or imagined.',
    source: 'Malchiodi, C. A. (2007). The Art Therapy Sourcebook (2nd ed.). McGraw-Hill.',
  },
  {
    id: 'bridge',
    text: 'Draw a bridge from one place to another. Show where you are on it.',
    source:
      'Hays, R. E., & Lyons, S. J. (1981). The bridge drawing: A projective technique for assessment in art therapy. The Arts in Psychotherapy, 8(3–4), 207–217.',
  },
  {
    id: 'mandala',
    text: 'Fill a circle with colours, lines and shapes, slowly, from the centre outwards.',
    source:
      'Curry, N. A., & Kasser, T. (2005). Can coloring mandalas reduce anxiety? Art Therapy, 22(2), 81–85.',
  },
  {
    id: 'scribble',
    text: 'Make a loose scribble with your eyes closed, then look for a picture in it and bring it out.',
    source: 'Cane, F. (1951). The Artist in Each of Us. Pantheon.',
  },
  {
    id: 'weather',
    text: 'If your mood today were weather, what would it look like?',
    source: 'Buchalter, S. I. (2009). Art Therapy Techniques and Applications. Jessica Kingsley.',
  },
  {
    id: 'mask',
    text: 'Draw a mask: on the outside what others see, on the inside what you feel.',
    source: 'Buchalter, S. I. (2009). Art Therapy Techniques and Applications. Jessica Kingsley.',
  },
]

export const promptById = (id: string): CanvasPrompt | null =>
  CANVAS_PROMPTS.find((p) => p.id === id) ?? null
