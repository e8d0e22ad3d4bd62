import { describe, expect, inject, it } from 'vitest'
import { browserPerFile } from './support/browserPerFile.ts'
import { callApi } from './support/callApi.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import { enter, expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const baseUrl = inject('baseUrl')
const run = browserPerFile()
const people = run.people

const GROUP_GOAL = 'Practise one grounding exercise a day'
const OWN_GOAL = 'Phone my sister on Sundays'

/** The day after tomorrow at 18:00, as the schedule form sends it. */
function inTwoDays(): string {
  const day = new Date(Date.now() + 48 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T18:00`
}

describe('goals', () => {
  it('goals written in one session appear at the next session’s start and in the member’s library', async () => {
    const made = await setUpRoom(run.browser, ['Tam'])
    people.push(made.facilitator, ...made.members)
    const { groupId, sessionId, facilitator } = made
    const [tam] = made.members as [Person]
    const f = facilitator.page
    const t = tam.page

    // Session 1: the moment opens as each enters. The facilitator records the group's goal.
    await enter(f, sessionId)
    const leadMoment = f.getByRole('region', { name: 'Our goals' })
    await leadMoment.getByLabel('Add to the group’s goals').fill(GROUP_GOAL)
    await leadMoment.getByRole('button', { name: 'Add the goal' }).click()
    await leadMoment
      .getByRole('list', { name: 'The group’s goals' })
      .getByText(GROUP_GOAL)
      .waitFor()

    // The member sees it arrive, and writes a goal of their own (private by default).
    await enter(t, sessionId)
    const moment = t.getByRole('region', { name: 'Our goals' })
    await moment.getByRole('list', { name: 'The group’s goals' }).getByText(GROUP_GOAL).waitFor()
    expect(await moment.getByLabel('Add to the group’s goals').count()).toBe(0)
    await moment.getByLabel('Add to my goals').fill(OWN_GOAL)
    await moment.getByRole('button', { name: 'Add the goal' }).click()
    await moment.getByRole('list', { name: 'My goals' }).getByText(OWN_GOAL).waitFor()
    expect(
      await moment.getByRole('checkbox', { name: 'Let my facilitators read my goals' }).isChecked(),
    ).toBe(false)
    await screenshot(tam, 'goals-moment')
    // On to the session; the goals stay one button away.
    await moment.getByRole('button', { name: 'Continue to the session' }).click()
    await t.getByRole('button', { name: 'Our goals' }).waitFor()
    expect(await t.getByRole('region', { name: 'Our goals' }).count()).toBe(0)
    // The facilitator never sees the member's own goals (not shared).
    expect(await f.getByText(OWN_GOAL).count()).toBe(0)
    await t.waitForTimeout(300)
    await callApi(f, 'POST', `/api/sessions/${sessionId}/status`, { status: 'ended' })
    await t.getByText('This session has ended.').waitFor()

    // Session 2 opens: both goals are there at its start.
    const { ids } = await callApi<{ ids: string[] }>(f, 'POST', `/api/groups/${groupId}/sessions`, {
      title: 'Week 3: Small steps',
      startsAtLocal: inTwoDays(),
      timeZone: 'UTC',
      durationMinutes: 90,
    })
    const next = ids[0]!
    await callApi(f, 'POST', `/api/sessions/${next}/status`, { status: 'open' })
    await enter(t, next)
    const again = t.getByRole('region', { name: 'Our goals' })
    await again.getByRole('list', { name: 'The group’s goals' }).getByText(GROUP_GOAL).waitFor()
    await again.getByRole('list', { name: 'My goals' }).getByText(OWN_GOAL).waitFor()

    // And in the member's library, between sessions.
    await t.goto(`${baseUrl}/`)
    const materials = t.getByRole('region', { name: 'Your materials' })
    const goals = materials.getByRole('region', { name: 'Goals' })
    await goals.getByRole('list', { name: 'The group’s goals' }).getByText(GROUP_GOAL).waitFor()
    await goals.getByRole('list', { name: 'My goals' }).getByText(OWN_GOAL).waitFor()
    await screenshot(tam, 'goals-library')

    // The facilitators keep the group's goals on the group's page too.
    await f.goto(`${baseUrl}/groups/${groupId}/goals`)
    await f.getByRole('list', { name: 'The group’s goals' }).getByText(GROUP_GOAL).waitFor()
    await f.getByLabel('Add to the group’s goals').waitFor()
    expect(await f.getByText(OWN_GOAL).count()).toBe(0)
    await screenshot(facilitator, 'goals-group-page')
    expectClean([facilitator, tam])
  }, 120_000)
})
