import { atomically, type Data } from '../data/Data.ts'
import { audit, type AuditEntry } from '../audit/audit.ts'

/** One response slide of a session's copy of a deck. */
export interface SlideRef {
  handoutId: string
  slideId: string
}

/** A member's answer (sealed by the caller); a second answer replaces the first. */
export async function saveAnswer(
  data: Data,
  { handoutId, slideId }: SlideRef,
  memberId: string,
  value: string,
  now: number,
): Promise<void> {
  await data
    .insertInto('slide_responses')
    .values({
      handout_id: handoutId,
      slide_id: slideId,
      member_id: memberId,
      value,
      answered_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['handout_id', 'slide_id', 'member_id']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        answered_at: eb.ref('excluded.answered_at'),
      })),
    )
    .execute()
}

/** Every answer to a slide, sealed, in no meaningful order. */
export const answersTo = (data: Data, { handoutId, slideId }: SlideRef) =>
  data
    .selectFrom('slide_responses')
    .select(['member_id', 'value'])
    .where('handout_id', '=', handoutId)
    .where('slide_id', '=', slideId)
    .execute()

export async function answerCount(data: Data, { handoutId, slideId }: SlideRef): Promise<number> {
  const { n } = await data
    .selectFrom('slide_responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('handout_id', '=', handoutId)
    .where('slide_id', '=', slideId)
    .executeTakeFirstOrThrow()
  return Number(n)
}

/** Whether the facilitators show the group a slide's counts. */
export async function resultsShown(data: Data, { handoutId, slideId }: SlideRef): Promise<boolean> {
  const row = await data
    .selectFrom('slide_results_shown')
    .select('slide_id')
    .where('handout_id', '=', handoutId)
    .where('slide_id', '=', slideId)
    .executeTakeFirst()
  return row !== undefined
}

/** Shows or hides a slide's counts to the group, with its audit entry. */
export async function showResults(
  data: Data,
  slide: SlideRef & { sessionId: string; groupId: string },
  shown: boolean,
  actor: AuditEntry['actor'],
  now: number,
): Promise<void> {
  const { handoutId, slideId } = slide
  await atomically(data, async (trx) => {
    if (shown) {
      await trx
        .insertInto('slide_results_shown')
        .values({ handout_id: handoutId, slide_id: slideId })
        .onConflict((oc) => oc.doNothing())
        .execute()
    } else {
      await trx
        .deleteFrom('slide_results_shown')
        .where('handout_id', '=', handoutId)
        .where('slide_id', '=', slideId)
        .execute()
    }
    await audit(
      trx,
      {
        actor,
        action: 'slides.results-shown',
        target: { kind: 'session', id: slide.sessionId },
        groupId: slide.groupId,
        detail: { handout: handoutId, slide: slideId, shown },
      },
      now,
    )
  })
}
