/**
 * The documents of a deck in a facilitator's library: `deck/<id>` and its speaker notes
 * `deck/<id>/notes`. Only the deck's editors open them; members see a deck only as a
 * session's copy (`sessionDocName.handout`).
 */
export type DeckDocKind = 'deck' | 'deck-notes'

const DECK = /^deck\/(?<deck>d[a-z2-7]{20})(?<notes>\/notes)?$/

export function parseDeckDocName(name: string): { kind: DeckDocKind; deckId: string } | null {
  const groups = DECK.exec(name)?.groups
  if (!groups) return null
  return { kind: groups.notes ? 'deck-notes' : 'deck', deckId: groups.deck! }
}

export const deckDocName = {
  deck: (id: string) => `deck/${id}`,
  notes: (id: string) => `deck/${id}/notes`,
}

/** Caps of a library deck's documents: text only (images are stored apart, by reference). */
export const DECK_BYTE_CAPS: Record<DeckDocKind, number> = {
  deck: 8 * 1024 * 1024,
  'deck-notes': 2 * 1024 * 1024,
}
