import { z } from 'zod'
import { docNameSchema } from '../../shared/documents/docName.ts'

const person = z.object({ id: z.string(), name: z.string() })

/** `GET /api/decks`: the decks this facilitator edits, and whom they could share one with. */
export const deckList = z.object({
  decks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      mine: z.boolean(),
      createdAt: z.number(),
      document: docNameSchema,
      notes: docNameSchema,
      editors: z.array(person),
    }),
  ),
  colleagues: z.array(person),
  starters: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string() })),
})
export type DeckList = z.infer<typeof deckList>

export const createdDeck = z.object({
  id: z.string(),
  document: docNameSchema,
  notes: docNameSchema,
})
