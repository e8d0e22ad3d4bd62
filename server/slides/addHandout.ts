import { atomically, type Data } from '../data/Data.ts'
import { audit, type AuditEntry } from '../audit/audit.ts'

export interface NewHandout {
  id: string
  sessionId: string
  groupId: string
  deckId: string
  title: string
}

/**
 * Records a deck brought into a session, with its audit entry. The copy's images come along:
 * whoever may read the copy may fetch them.
 */
export async function addHandout(
  data: Data,
  handout: NewHandout,
  actor: AuditEntry['actor'] & { id: string },
  now: number,
): Promise<void> {
  await atomically(data, async (trx) => {
    await trx
      .insertInto('handouts')
      .values({
        id: handout.id,
        session_id: handout.sessionId,
        deck_id: handout.deckId,
        title: handout.title,
        created_by: actor.id,
        created_at: now,
      })
      .execute()
    await trx
      .insertInto('handout_images')
      .columns(['handout_id', 'hash'])
      .expression((eb) =>
        eb
          .selectFrom('deck_images')
          .select((eb) => [eb.val(handout.id).as('handout_id'), 'hash'])
          .where('deck_id', '=', handout.deckId),
      )
      .execute()
    await audit(
      trx,
      {
        actor,
        action: 'deck.brought',
        target: { kind: 'session', id: handout.sessionId },
        groupId: handout.groupId,
        detail: { deck: handout.deckId, handout: handout.id },
      },
      now,
    )
  })
}
