import { describe, expect, it } from 'vitest'
import { browserPerFile } from './support/browserPerFile.ts'
import type { Person } from './support/openPerson.ts'
import { enter, expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const run = browserPerFile()
const people = run.people

describe('raised hands', () => {
  it('a raised hand reaches the facilitators’ queue within a second, in order, and comes down for everyone; the other member never sees it', async () => {
    const made = await setUpRoom(run.browser, ['Robin', 'Sky'])
    people.push(made.facilitator, ...made.members)
    const { sessionId } = made
    const [robin, sky] = made.members as [Person, Person]
    const f = made.facilitator.page
    for (const page of [f, robin.page, sky.page]) await enter(page, sessionId)
    const queue = f.getByRole('list', { name: 'Raised hands, in order' })
    const raise = async (who: Person) => {
      // On a phone the hand is with "Tell your facilitator" in the bar; wide, always in view.
      const opener = who.page
        .getByRole('navigation', { name: 'Room' })
        .getByRole('button', { name: 'Tell your facilitator' })
      if (await opener.isVisible()) await opener.click()
      await who.page.getByRole('button', { name: 'Raise your hand' }).click()
    }

    await raise(robin)
    // Within a second of the click: server, facilitators' document, socket, screen.
    await queue.getByText('Robin').waitFor({ timeout: 1000 })
    await robin.page.getByRole('button', { name: 'Lower your hand', pressed: true }).waitFor()
    await raise(sky)
    await queue.getByText('Sky').waitFor()
    expect(await queue.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Robin'),
      expect.stringContaining('Sky'),
    ])
    // Without video, "quiet first" says it has no speaking time and keeps the order of raising.
    await f.getByText('Speaking time comes from the video call', { exact: false }).waitFor()
    // Members see their own hand only: no queue, no one else's hand.
    expect(await sky.page.getByText('Raised hands').count()).toBe(0)
    expect(await sky.page.getByText('Robin’s hand').count()).toBe(0)

    // The facilitator gives Robin the floor: the hand comes down on Robin's screen too.
    await f.getByRole('button', { name: 'Lower Robin’s hand' }).click()
    await robin.page.getByRole('button', { name: 'Raise your hand', pressed: false }).waitFor()
    expect(await queue.getByRole('listitem').count()).toBe(1)
    // Sky lowers their own.
    await sky.page.getByRole('button', { name: 'Lower your hand' }).click()
    await f.getByText('No hands are up.').waitFor()
    expectClean([made.facilitator, robin, sky])
  })
})
