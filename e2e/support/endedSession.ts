import type { Browser } from 'playwright-core'
import { callApi } from './callApi.ts'
import type { Person } from './openPerson.ts'
import { enter, openSheet, typeInto } from './roomPage.ts'
import { setUpRoom, type Room } from './setUpRoom.ts'

export const GRATITUDE = 'Gratitude journal: three good things'

/**
 * A session with the group's thought record and a private gratitude journal, in which the
 * member wrote `situation` on the group's sheet and `goodThing` in their own copy, then the
 * facilitator ended it: where every between-sessions walk starts.
 */
export async function sessionWrittenThenEnded(
  browser: Browser,
  pseudonym: string,
  words: { situation: string; goodThing: string },
): Promise<Room & { member: Person }> {
  const made = await setUpRoom(browser, [pseudonym])
  const { sessionId, facilitator } = made
  const member = made.members[0]!
  const f = facilitator.page
  const m = member.page
  await enter(f, sessionId)
  for (const [templateId, mode] of [
    ['thought-record', 'shared'],
    ['gratitude-journal', 'private'],
  ] as const) {
    await callApi(f, 'POST', `/api/sessions/${sessionId}/worksheets`, { templateId, mode })
  }
  await enter(m, sessionId)
  const group = await openSheet(m, 'Thought record')
  await typeInto(m, group, 'Situation', words.situation)
  const own = await openSheet(m, `${GRATITUDE} (your copy)`, 'Good thing 1')
  await typeInto(m, own, 'Good thing 1', words.goodThing)
  await callApi(f, 'POST', `/api/sessions/${sessionId}/status`, { status: 'ended' })
  await m.getByText('This session has ended.').waitFor()
  return { ...made, member }
}
