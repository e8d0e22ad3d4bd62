import { atomically, type Data } from '../data/Data.ts'
import { audit, type AuditEntry } from '../audit/audit.ts'

/** A facilitator as a deck's editor list and the share dialog show them. */
export interface Colleague {
  id: string
  name: string
}

/**
 * Names in SQLite's order (by code unit), as the lists were ordered before they moved off it:
 * PostgreSQL's `ORDER BY` would use its collation.
 */
const byName = (a: Colleague, b: Colleague) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

export async function isDeckEditor(
  data: Data,
  deckId: string,
  facilitatorId: string,
): Promise<boolean> {
  const row = await data
    .selectFrom('deck_editors')
    .select('deck_id')
    .where('deck_id', '=', deckId)
    .where('facilitator_id', '=', facilitatorId)
    .executeTakeFirst()
  return row !== undefined
}

/** A deck this facilitator may edit, or undefined. */
export const editableDeck = (data: Data, deckId: string, facilitatorId: string) =>
  data
    .selectFrom('decks as d')
    .innerJoin('deck_editors as e', 'e.deck_id', 'd.id')
    .select(['d.id', 'd.title'])
    .where('d.id', '=', deckId)
    .where('e.facilitator_id', '=', facilitatorId)
    .executeTakeFirst()

/** Every facilitator who works in a group with this one, by name. */
export async function colleaguesOf(data: Data, facilitatorId: string): Promise<Colleague[]> {
  const rows = await data
    .selectFrom('group_facilitators as mine')
    .innerJoin('group_facilitators as theirs', 'theirs.group_id', 'mine.group_id')
    .innerJoin('facilitators as f', 'f.id', 'theirs.facilitator_id')
    .select(['f.id', 'f.display_name as name'])
    .distinct()
    .where('mine.facilitator_id', '=', facilitatorId)
    .where('f.id', '!=', facilitatorId)
    .execute()
  return rows.sort(byName)
}

/** The decks a facilitator may edit, newest first, each with its editors by name. */
export async function decksOf(data: Data, facilitatorId: string) {
  const decks = await data
    .selectFrom('decks as d')
    .innerJoin('deck_editors as e', 'e.deck_id', 'd.id')
    .select(['d.id', 'd.title', 'd.owner_id', 'd.created_at'])
    .where('e.facilitator_id', '=', facilitatorId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .execute()
  const editors = new Map<string, Colleague[]>(decks.map((d) => [d.id, []]))
  if (decks.length > 0) {
    const rows = await data
      .selectFrom('deck_editors as e')
      .innerJoin('facilitators as f', 'f.id', 'e.facilitator_id')
      .select(['e.deck_id', 'f.id', 'f.display_name as name'])
      .where(
        'e.deck_id',
        'in',
        decks.map((d) => d.id),
      )
      .execute()
    for (const { deck_id, id, name } of rows) editors.get(deck_id)!.push({ id, name })
  }
  return decks.map((d) => ({
    id: d.id,
    title: d.title,
    mine: d.owner_id === facilitatorId,
    createdAt: d.created_at,
    editors: editors.get(d.id)!.sort(byName),
  }))
}

/** A new deck in its owner's library, with its audit entry. */
export async function createDeck(
  data: Data,
  deck: { id: string; ownerId: string; title: string },
  actor: AuditEntry['actor'],
  now: number,
): Promise<void> {
  await atomically(data, async (trx) => {
    await trx
      .insertInto('decks')
      .values({ id: deck.id, owner_id: deck.ownerId, title: deck.title, created_at: now })
      .execute()
    await trx
      .insertInto('deck_editors')
      .values({ deck_id: deck.id, facilitator_id: deck.ownerId })
      .execute()
    await audit(trx, { actor, action: 'deck.created', target: { kind: 'deck', id: deck.id } }, now)
  })
}

/** Lets a colleague edit a deck; audited when they could not before. Returns whether it did. */
export async function shareDeck(
  data: Data,
  deckId: string,
  facilitatorId: string,
  actor: AuditEntry['actor'],
  now: number,
): Promise<boolean> {
  return atomically(data, async (trx) => {
    const added = await trx
      .insertInto('deck_editors')
      .values({ deck_id: deckId, facilitator_id: facilitatorId })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) return false
    await audit(
      trx,
      {
        actor,
        action: 'deck.shared',
        target: { kind: 'deck', id: deckId },
        detail: { with: facilitatorId },
      },
      now,
    )
    return true
  })
}
