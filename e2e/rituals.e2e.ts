import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { MEASURES } from '../shared/measures/measures.ts'
import { browserPerFile } from './support/browserPerFile.ts'
import type { Person } from './support/openPerson.ts'
import { screenshot } from './support/openPerson.ts'
import { enter, expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const run = browserPerFile()
const people = run.people

describe('check-ins and questionnaires', () => {
  it('members check in, the group sees only the aggregate once three did; a PHQ-9 with question 9 above “Not at all” alerts the facilitators and shows the member crisis lines; the member’s home keeps their own history', async () => {
    const made = await setUpRoom(run.browser, ['Robin', 'Sky', 'Kai'])
    people.push(made.facilitator, ...made.members)
    const { sessionId } = made
    const [robin, sky, kai] = made.members as [Person, Person, Person]
    const f = made.facilitator.page
    for (const page of [f, robin.page, sky.page, kai.page]) await enter(page, sessionId)

    await f.getByRole('button', { name: 'Open a check-in' }).click()
    const checkIn = async (who: Person, mood: number, word: string) => {
      const card = who.page.getByRole('region', { name: /Check-in: How are you arriving/ })
      await card.getByLabel('How you feel, from 0 (very low) to 10 (very good)').fill(String(mood))
      await card.getByLabel('A word for how you are').fill(word)
      await card.getByRole('button', { name: 'Send my check-in' }).click()
      await card.getByText('Thank you, your check-in is in.').waitFor()
    }
    await checkIn(robin, 7, 'Hopeful')
    await checkIn(sky, 3, 'tired')
    // Two answers: the group sees a count, not the answers (each would know the other's).
    await robin.page.getByText('2 people have checked in.', { exact: false }).waitFor()
    expect(await robin.page.getByText('tired', { exact: true }).count()).toBe(0)
    await checkIn(kai, 7, 'tired')
    const words = robin.page.getByRole('figure', { name: 'The group’s words' })
    await words.getByText('tired (2 people)').or(words.getByText('tired')).first().waitFor()
    await robin.page.getByRole('listitem', { name: '7: 2 people' }).waitFor()
    await f.getByText('3 answers so far.').waitFor()
    // This group does not name check-ins: the facilitators see the same aggregate, no names.
    expect(await f.getByRole('list', { name: 'Each member’s check-in' }).count()).toBe(0)
    await screenshot(robin, 'checkin-aggregate')
    await f.getByRole('button', { name: 'Close the check-in' }).click()

    // The PHQ-9: Robin answers "Several days" on question 9 only.
    await f.getByRole('button', { name: 'Send the PHQ-9' }).click()
    await robin.page.getByRole('button', { name: 'Answer the PHQ-9' }).click()
    const items = MEASURES.phq9.items
    for (const [n, item] of items.entries()) {
      await robin.page
        .getByRole('group', { name: item })
        .getByLabel(n === items.length - 1 ? 'Several days' : 'Not at all')
        .check()
    }
    await robin.page.getByRole('button', { name: 'Send my answers' }).click()
    await robin.page.getByText('Your score is 1 (minimal).', { exact: false }).waitFor()
    // The facilitators' banner, at once; Robin's crisis lines, privately.
    await f
      .getByRole('list', { name: 'Silent signals' })
      .getByText('Robin answered PHQ-9 question 9', { exact: false })
      .waitFor({ timeout: 5000 })
    await robin.page.locator('#crisis-card-heading').waitFor()
    await f
      .getByRole('list', { name: 'Results this session' })
      .getByText('question 9 above “Not at all”')
      .waitFor()
    // Sky has the questionnaire too, and nothing of Robin's answers.
    await sky.page.getByRole('button', { name: 'Answer the PHQ-9' }).waitFor()
    expect(await sky.page.getByText('Your score is').count()).toBe(0)
    await screenshot(made.facilitator, 'measure-alert')

    // Robin's home: their own check-in and score, for them alone.
    await robin.page.goto(`${inject('baseUrl')}/`)
    const how = robin.page.getByRole('region', { name: 'How you have been' })
    await how.getByText('“hopeful”', { exact: false }).waitFor()
    await how.getByRole('cell', { name: '1 (minimal)' }).waitFor()
    expect(await how.getByText('tired').count()).toBe(0)
    expectClean([made.facilitator, robin, sky, kai])
  })
})
