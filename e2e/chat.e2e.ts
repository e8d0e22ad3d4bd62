import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserPerFile } from './support/browserPerFile.ts'
import { eventually } from './support/openPlayground.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import { enter, expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const run = browserPerFile()
const people = run.people

const chatOf = (page: Page) => page.getByRole('log', { name: 'Group chat', exact: true })

/** Writes in the group chat and sends with Enter. */
async function say(page: Page, text: string, { signed = false } = {}) {
  const box = page.getByRole('textbox', { name: /^Message to the group/ })
  await box.fill(text)
  if (signed) await page.getByRole('checkbox', { name: /^Show my name/ }).check()
  await box.press('Enter')
  await eventually(async () => (await box.inputValue()) === '', 'the message to be sent')
}

async function shows(page: Page, text: string, who: string) {
  await eventually(
    async () => (await chatOf(page).innerText()).includes(text),
    `${who} to show “${text}”`,
  )
}

describe('the group chat', () => {
  it('three people chat, one anonymously; a removed message goes for everyone; the private line works both ways; a crisis phrase reaches the facilitator only', async () => {
    const made = await setUpRoom(run.browser, ['Ida', 'Jo'])
    people.push(made.facilitator, ...made.members)
    const { sessionId, facilitator } = made
    const [ida, jo] = made.members as [Person, Person]
    const f = facilitator.page
    for (const person of [facilitator, ida, jo]) await enter(person.page, sessionId)
    // Jo is on a phone: the chat is one tap away in the bottom bar.
    await jo.page
      .getByRole('navigation', { name: 'Room' })
      .getByRole('button', { name: 'Chat' })
      .click()

    await say(f, 'Welcome, everyone. Write whatever you like here.')
    await say(ida.page, 'Hello from Ida', { signed: true })
    await say(jo.page, 'I feel a bit nervous today')
    for (const [person, who] of [
      [facilitator, 'the facilitator'],
      [ida, 'Ida'],
      [jo, 'Jo'],
    ] as const) {
      await shows(person.page, 'I feel a bit nervous today', who)
      await shows(person.page, 'Hello from Ida', who)
      await shows(person.page, 'Welcome, everyone.', who)
    }
    // Jo's message shows no name, to Ida or to the facilitator (this group hides writers).
    const jos = (page: Page) =>
      chatOf(page).getByRole('listitem').filter({ hasText: 'I feel a bit nervous today' })
    expect(await jos(ida.page).innerText()).toContain('Anonymous member')
    expect(await jos(f).innerText()).not.toContain('Jo')
    expect(await chatOf(ida.page).innerText()).not.toMatch(/\bJo\b/)
    await screenshot(ida, 'chat-member')

    // The facilitator removes Jo's message: the words go for everyone, a mark stays.
    await jos(f).getByRole('button', { name: 'Remove' }).click()
    await f.getByRole('dialog').getByRole('button', { name: 'Remove it' }).click()
    for (const [person, who] of [
      [facilitator, 'the facilitator'],
      [ida, 'Ida'],
      [jo, 'Jo'],
    ] as const) {
      await shows(person.page, 'Removed by a facilitator.', who)
      expect(await chatOf(person.page).innerText(), who).not.toContain('nervous')
    }

    // The private line, both ways.
    await ida.page
      .getByRole('textbox', { name: 'Write to the facilitators privately' })
      .fill('Can we talk after the group?')
    await ida.page
      .getByRole('textbox', { name: 'Write to the facilitators privately' })
      .press('Enter')
    const lines = f.getByRole('region', { name: 'Private messages' })
    await lines.getByText('waiting for an answer').waitFor()
    await lines.getByRole('button', { name: 'Open' }).click()
    await lines.getByText('Can we talk after the group?').waitFor()
    await lines
      .getByRole('textbox', { name: 'Answer Ida privately' })
      .fill('Yes, I will stay on after.')
    await lines.getByRole('textbox', { name: 'Answer Ida privately' }).press('Enter')
    await ida.page
      .getByRole('log', { name: 'Private messages' })
      .getByText('Yes, I will stay on after.')
      .waitFor()
    expect(await jo.page.getByText('Yes, I will stay on after.').count()).toBe(0)

    // A crisis phrase: the facilitator's banner, with the words; resources for Jo alone.
    await say(jo.page, 'honestly I want to kill myself')
    const banner = f.getByRole('list', { name: 'Silent signals' })
    await banner.getByText('A chat message from Anonymous member may be about suicide.').waitFor()
    await banner.getByText('honestly I want to kill myself').waitFor()
    await jo.page.getByRole('heading', { name: 'You are not alone' }).waitFor()
    await screenshot(jo, 'chat-crisis-member')
    await screenshot(facilitator, 'chat-crisis-facilitator')
    expect(await ida.page.getByRole('heading', { name: 'You are not alone' }).count()).toBe(0)
    expect(await ida.page.getByRole('list', { name: 'Silent signals' }).count()).toBe(0)
    // The message itself was not hidden from the group.
    await shows(ida.page, 'honestly I want to kill myself', 'Ida')
    // One click sends Jo the crisis lines privately, though the facilitator does not know it is Jo.
    await banner.getByRole('button', { name: 'Send crisis resources privately' }).click()
    await banner.getByText(/Crisis resources sent by/).waitFor()
    await jo.page
      .getByRole('navigation', { name: 'Room' })
      .getByRole('button', { name: 'Tell your facilitator' })
      .click()
    await jo.page
      .getByRole('log', { name: 'Private messages' })
      .getByText(/make sure you are safe/)
      .waitFor()
    expect(await ida.page.getByText(/make sure you are safe/).count()).toBe(0)
    expectClean([facilitator, ida, jo])
  })
})
