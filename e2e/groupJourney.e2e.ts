import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { currentTotp } from '../server/auth/totp.ts'
import { launchBrowser } from './support/browser.ts'
import { eventually } from './support/openPlayground.ts'
import { openPerson, screenshot, type Person } from './support/openPerson.ts'

const baseUrl = inject('baseUrl')
const setupLink = inject('setupLink')

const FACILITATOR = { name: 'Dr Alex Morgan', email: 'alex@practice.example' }
const PASSWORD = 'lantern-orchard-velvet-9'
const GROUP = 'Thursday evening anxiety group'
const SESSION = 'Week 1: Getting to know each other'

let browser: Browser
const people: Person[] = []
/** What the first journey leaves for the next: the group and the member's passphrase. */
const made = { groupId: '', passphrase: '' }

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const person of people) await person.context.close()
  await browser?.close()
})

const heading = (page: Page, name: string, level = 1) =>
  page.getByRole('heading', { level, name, exact: true })

/** The element that has the focus, by its text: focus must land on the new page's heading. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

/** A date a few days ahead, as a date input takes it. */
function soon(): string {
  const day = new Date(Date.now() + 3 * 24 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`
}

describe('a group from set-up to the session room', () => {
  it('a facilitator sets up, invites; a member joins, waits, is admitted; both see each other', async () => {
    // The facilitator, at a desktop browser: first set-up from the link the server printed.
    const lead = await openPerson(browser)
    people.push(lead)
    await lead.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl })
    const f = lead.page
    await f.goto(setupLink)
    await heading(f, 'Set up Hearth').waitFor()
    await screenshot(lead, 'setup')
    await f.getByLabel('Your name').fill(FACILITATOR.name)
    await f.getByLabel('Email').fill(FACILITATOR.email)
    await f.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await f.getByRole('button', { name: 'Create account' }).click()

    // The dashboard, empty, then a new group with its agreement.
    await heading(f, 'Your groups').waitFor()
    await f.getByRole('heading', { name: 'No groups yet' }).waitFor()
    expect(await focusedText(f)).toBe('Your groups')
    await screenshot(lead, 'dashboard-empty')
    await f.getByRole('link', { name: 'Create a group' }).click()
    await heading(f, 'Create a group').waitFor()
    expect(await focusedText(f)).toBe('Create a group')
    await f.getByLabel('Group name').fill(GROUP)
    await f.getByLabel('Theme').fill('Anxiety')
    await f.getByLabel('Description (optional)').fill('A weekly group for living with anxiety.')
    expect(await f.getByLabel('Agreement', { exact: true }).inputValue()).toContain(
      'stays in the group',
    )
    await screenshot(lead, 'create-group')
    await f.getByRole('button', { name: 'Create group' }).click()

    // The group page opens on its sessions: schedule one.
    await heading(f, GROUP).waitFor()
    made.groupId = new URL(f.url()).pathname.split('/')[2]!
    await heading(f, 'Sessions', 2).waitFor()
    await f.getByRole('heading', { name: 'No sessions yet' }).waitFor()
    await f.getByLabel('Title').fill(SESSION)
    await f.getByLabel('Date').fill(soon())
    await f.getByLabel('Start time').fill('18:00')
    await f.getByLabel('Start time').press('Enter')
    await f.getByRole('heading', { name: SESSION, level: 4 }).waitFor()
    await screenshot(lead, 'group-sessions')

    // An invitation link, shown once, copied.
    await openSection(f, 'Invitations')
    await heading(f, 'Invitations', 2).waitFor()
    expect(await focusedText(f)).toBe('Invitations')
    await f.getByLabel('Who it is for (optional)').fill('R., Tuesday')
    await f.getByLabel('Valid for').selectOption({ label: '8 hours' })
    await f.getByRole('button', { name: 'Create invitation link' }).click()
    const invitation = await f.getByRole('textbox', { name: 'Invitation link' }).inputValue()
    expect(invitation).toMatch(new RegExp(`^${baseUrl}/join#[A-Za-z0-9_-]{20,}$`))
    await f.getByRole('button', { name: 'Copy link' }).click()
    await f.getByText('Copied.').waitFor()
    expect(await f.evaluate(() => navigator.clipboard.readText())).toBe(invitation)
    await f.getByRole('cell', { name: 'Can be used' }).waitFor()
    await f.getByRole('cell', { name: 'R., Tuesday', exact: true }).waitFor()
    await screenshot(lead, 'group-invitations', { dark: true })

    // The other sections, for the screenshots, and the audit trail's integrity.
    const section = (name: string) => openSection(f, name)
    await section('Members')
    await f.getByRole('heading', { name: 'No members yet' }).waitFor()
    await screenshot(lead, 'group-members-empty')
    await section('Agreement')
    await f.getByRole('button', { name: 'Write a new version' }).waitFor()
    await screenshot(lead, 'group-agreement')
    await section('Settings')
    await f.getByRole('button', { name: 'Save settings' }).waitFor()
    await screenshot(lead, 'group-settings')
    await section('Audit trail')
    await f.getByText('The trail is intact').waitFor()
    await f.getByRole('cell', { name: 'Invitation created' }).waitFor()
    await screenshot(lead, 'group-audit')

    // The session: open its waiting room.
    await section('Sessions')
    await f.getByRole('link', { name: `Go to session: ${SESSION}` }).click()
    await heading(f, SESSION).waitFor()
    await f.getByRole('button', { name: 'Open the waiting room' }).click()
    await f.getByText('Waiting room open').waitFor()
    await f.getByText('No one is waiting.').waitFor()
    await connected(f)
    await screenshot(lead, 'session-facilitator-open')

    // The member, on a phone: the invitation, the agreement, a name and a passphrase.
    const robin = await openPerson(browser, { phone: true })
    people.push(robin)
    const m = robin.page
    await m.goto(invitation)
    await heading(m, `Join ${GROUP}`).waitFor()
    await heading(m, 'About the group', 2).waitFor()
    await screenshot(robin, 'join-intro')
    await m.getByRole('button', { name: 'Continue' }).click()
    await heading(m, 'The group agreement', 2).waitFor()
    expect(await focusedText(m)).toBe('The group agreement')
    await m.getByText('What is said in the group stays in the group.').waitFor()
    await m.getByText('Your chat messages are anonymous').waitFor()
    await m.getByRole('button', { name: 'Continue' }).click()
    await m.getByText('Tick the box to agree').waitFor()
    await screenshot(robin, 'join-agreement')
    // Keyboard: the failed Continue put the focus on the checkbox; Space ticks it.
    await eventually(
      async () => (await m.evaluate(() => document.activeElement?.id)) === 'join-agree',
      'the focus on the agreement checkbox',
    )
    await m.keyboard.press('Space')
    expect(
      await m.getByLabel('I have read the group agreement and I agree to it').isChecked(),
    ).toBe(true)
    await m.getByRole('button', { name: 'Continue' }).click()
    await heading(m, 'Your name and passphrase', 2).waitFor()
    await m.getByLabel('Your name in the group').fill('Robin')
    await m.getByRole('button', { name: 'Suggest a passphrase' }).click()
    const passphrase = await m.getByLabel('Passphrase', { exact: true }).inputValue()
    expect(passphrase.split('-')).toHaveLength(4)
    made.passphrase = passphrase
    await m.getByText(`Your passphrase is ${passphrase}`).waitFor()
    await screenshot(robin, 'join-identity')
    await m.getByRole('button', { name: 'Join the group' }).click()
    await heading(m, 'Welcome, Robin', 2).waitFor()
    await screenshot(robin, 'join-done')
    await m.getByRole('button', { name: 'Go to your group page' }).click()

    // The member home: the next session is open, with a Join button.
    await heading(m, GROUP).waitFor()
    expect(await focusedText(m)).toBe(GROUP)
    await m.getByText('The waiting room is open.').waitFor()
    await m.getByLabel('Your sign-in page').waitFor()
    await screenshot(robin, 'member-home', { dark: true })
    await m.getByRole('link', { name: 'Join session' }).click()

    // The waiting room.
    await heading(m, SESSION).waitFor()
    await m.getByRole('heading', { name: 'Waiting for your facilitator' }).waitFor()
    await screenshot(robin, 'member-waiting')
    // The breathing circle is still for people who ask for less motion.
    const animation = () =>
      m.locator('.breathing').evaluate((circle) => getComputedStyle(circle).animationName)
    expect(await animation()).toBe('breathe')
    await m.emulateMedia({ reducedMotion: 'reduce' })
    expect(await animation()).toBe('none')

    // The facilitator sees the pseudonym arrive in the waiting room, and admits.
    const waitingList = f.getByRole('list', { name: 'Waiting' })
    await waitingList.getByText('Robin').waitFor()
    // A word to those waiting reaches Robin's waiting page by itself.
    await f.getByLabel('Message', { exact: true }).fill('We start in 5 minutes.')
    await f.getByRole('button', { name: 'Show the message' }).click()
    await f.getByText('Showing now:').waitFor()
    await m.getByRole('status').getByText('“We start in 5 minutes.”').waitFor()
    await screenshot(robin, 'member-waiting-message')
    await screenshot(lead, 'session-facilitator-waiting')
    await f.getByRole('button', { name: 'Admit Robin' }).click()

    // Both are in the room and see each other, by the names the server stamps on presence.
    // On the phone, one region at a time: the bar at the bottom switches to People.
    await m
      .getByRole('navigation', { name: 'Room' })
      .getByRole('button', { name: 'People' })
      .click()
    await m.getByRole('heading', { name: 'In the room' }).waitFor()
    await connected(m)
    const memberSees = m.getByRole('list', { name: 'People in the room' })
    await memberSees.getByText(FACILITATOR.name).waitFor()
    await eventually(
      async () =>
        (await m.getByRole('status').allTextContents()).some((t) =>
          t.includes('You have been admitted'),
        ),
      'the admission to be announced',
    )
    const facilitatorSees = f.getByRole('list', { name: 'People in the room' })
    await facilitatorSees.getByText('Robin').waitFor()
    await f.getByRole('list', { name: 'Admitted' }).getByText('Robin').waitFor()
    await screenshot(robin, 'session-member-room', { dark: true })
    await screenshot(lead, 'session-facilitator-room', { dark: true })

    // Sent back to the waiting room: the server closes the member's socket, the page notices.
    await f.getByRole('button', { name: 'Send back Robin to the waiting room' }).click()
    await m.getByRole('heading', { name: 'Waiting for your facilitator' }).waitFor()
    await f.getByRole('button', { name: 'Admit Robin' }).click()
    await m
      .getByRole('navigation', { name: 'Room' })
      .getByRole('button', { name: 'People' })
      .click()
    await memberSees.getByText(FACILITATOR.name).waitFor()

    // The facilitator starts, then ends the session: the member is told it has ended.
    await f.getByRole('button', { name: 'Start the session' }).click()
    await f.getByText('In session', { exact: true }).waitFor()
    // The member's badge follows the session live, with no reload.
    await m.getByText('In session', { exact: true }).waitFor()
    // Ending cannot be undone: it asks first, and "Keep it going" changes nothing.
    await f.getByRole('button', { name: 'End the session' }).click()
    const ask = f.getByRole('dialog', { name: 'End the session for everyone?' })
    await ask.getByRole('button', { name: 'Keep it going' }).click()
    await ask.waitFor({ state: 'detached' })
    await f.getByText('In session', { exact: true }).waitFor()
    await f.getByRole('button', { name: 'End the session' }).click()
    await ask.getByRole('button', { name: 'End the session' }).click()
    await m.getByText('This session has ended.').waitFor()
    // After the end, nothing to moderate: no "Send back", "Remove" or "Add a worksheet".
    await f.getByRole('heading', { name: 'Who came' }).waitFor()
    for (const name of [/^Send back/, /^Remove/])
      expect(await f.getByRole('button', { name }).count()).toBe(0)
    expect(await f.getByText('Add a worksheet').count()).toBe(0)
    // What still makes sense after the end: giving homework.
    await f.getByText('Give homework').waitFor()
    await screenshot(robin, 'member-session-ended')

    // Back on the dashboard, the group shows its member.
    await f.getByRole('link', { name: 'Your groups', exact: true }).first().click()
    await heading(f, 'Your groups').waitFor()
    await f.getByText('1 of 10 places').waitFor()
    await screenshot(lead, 'dashboard')

    expect(lead.errors, 'errors in the facilitator page').toEqual([])
    expect(robin.errors, 'errors in the member page').toEqual([])
    expect([...lead.accessibility, ...robin.accessibility], 'accessibility problems').toEqual([])
  }, 180_000)

  it('people sign in and out; a facilitator turns on two-factor sign-in', async () => {
    expect(made.groupId, 'the first journey made a group').not.toBe('')
    // A visitor who is not signed in: the welcome page, then the facilitator sign-in.
    const visitor = await openPerson(browser)
    people.push(visitor)
    const v = visitor.page
    await v.goto(`${baseUrl}/`)
    await heading(v, 'Welcome to Hearth').waitFor()
    await screenshot(visitor, 'welcome')
    await v.getByRole('link', { name: 'Sign in as a facilitator' }).click()
    await heading(v, 'Sign in as a facilitator').waitFor()
    expect(await focusedText(v)).toBe('Sign in as a facilitator')
    await v.getByLabel('Email').fill(FACILITATOR.email)
    await v.getByLabel('Password', { exact: true }).fill('not-the-password')
    await v.getByLabel('Password', { exact: true }).press('Enter')
    await v.getByRole('alert').getByText('Those details did not match').waitFor()
    await screenshot(visitor, 'login-failed')
    await v.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await v.getByRole('button', { name: 'Sign in' }).click()
    await heading(v, 'Your groups').waitFor()
    await v.getByRole('link', { name: GROUP }).waitFor()

    // Two-factor sign-in: the key is typed into an app; here the test computes the code.
    await v.getByRole('link', { name: 'Account' }).click()
    await heading(v, 'Your account').waitFor()
    await v.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
    const key = await v.getByRole('textbox', { name: 'Set-up key' }).inputValue()
    await screenshot(visitor, 'account-two-factor')
    await v.getByLabel('Code from the app').fill(currentTotp(key.replaceAll(' ', ''), Date.now()))
    await v.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
    await v.getByText('On. Signing in asks for a code').waitFor()

    // Signed out, the code is now needed to sign in again.
    await v.getByRole('button', { name: 'Sign out' }).click()
    await heading(v, 'Welcome to Hearth').waitFor()
    await v.goto(`${baseUrl}/login`)
    await v.getByLabel('Email').fill(FACILITATOR.email)
    await v.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await v.getByRole('button', { name: 'Sign in' }).click()
    await v.getByRole('alert').getByText('Those details did not match').waitFor()
    // A code is good once: the one that turned two-factor on is spent, so the app's next one.
    await v
      .getByLabel('Authenticator code (optional)')
      .fill(currentTotp(key.replaceAll(' ', ''), Date.now() + 30_000))
    await v.getByRole('button', { name: 'Sign in' }).click()
    await heading(v, 'Your groups').waitFor()

    // The member signs in again from the group's sign-in page, on a phone.
    const robin = await openPerson(browser, { phone: true })
    people.push(robin)
    const m = robin.page
    await m.goto(`${baseUrl}/g/${made.groupId}/sign-in`)
    await heading(m, 'Sign in to your group').waitFor()
    await screenshot(robin, 'member-sign-in')
    await m.getByLabel('Your name in the group').fill('Robin')
    await m.getByLabel('Passphrase', { exact: true }).fill(made.passphrase)
    await m.getByRole('button', { name: 'Sign in' }).click()
    await heading(m, GROUP).waitFor()

    // A new version of the agreement: the member must accept it before joining again.
    await v.getByRole('link', { name: GROUP }).click()
    await heading(v, GROUP).waitFor()
    await openSection(v, 'Agreement')
    await v.getByRole('button', { name: 'Write a new version' }).click()
    await v.getByLabel('Version 2').fill('We keep what is said here private.\n\nWe may pass.')
    await v.getByRole('button', { name: 'Publish version 2' }).click()
    await v.getByText('Version 2. Each version is kept').waitFor()
    await m.reload()
    const gate = m.getByRole('heading', { name: 'The group agreement has been updated' })
    await gate.waitFor()
    await m.getByText('We keep what is said here private.').waitFor()
    await screenshot(robin, 'member-home-agreement-changed')
    await m.getByRole('button', { name: 'I have read it and I agree' }).click()
    await gate.waitFor({ state: 'detached' })

    // A member who lost their passphrase: the facilitator re-issues access, once.
    await openSection(v, 'Members')
    await v.getByText('Accepted the current agreement').waitFor()
    await v.getByRole('button', { name: 'Re-issue access for Robin' }).click()
    const restore = await v.getByRole('textbox', { name: 'New access link for Robin' }).inputValue()
    await screenshot(visitor, 'group-members')
    await m.goto(restore)
    await m.getByText('This link restores access for Robin').waitFor()
    await m.getByRole('button', { name: 'Continue' }).click()
    await m.getByLabel('I have read the group agreement and I agree to it').check()
    await m.getByRole('button', { name: 'Continue' }).click()
    await m.getByText('You are restoring access for Robin').waitFor()
    await screenshot(robin, 'join-restore')
    await m.getByLabel('Passphrase', { exact: true }).fill('harbour-quiet-morning-tea')
    await m.getByRole('button', { name: 'Restore my access' }).click()
    await heading(m, 'Welcome, Robin', 2).waitFor()

    await m.goto(`${baseUrl}/no-such-page`)
    await heading(m, 'This page does not exist').waitFor()

    // Only the refusals this test asked for: "who am I?" while signed out, and wrong details.
    const expected = /status of 401 .*"url":"[^"]*\/api\/(me|auth\/login)"/
    expect(
      visitor.errors.filter((e) => !expected.test(e)),
      'errors in the page',
    ).toEqual([])
    expect(visitor.errors.length).toBeGreaterThan(0)
    expect(robin.errors, 'errors in the member page').toEqual([])
    expect([...visitor.accessibility, ...robin.accessibility], 'accessibility problems').toEqual([])
  }, 120_000)
})

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Group sections' }).getByRole('link', { name }).click()
  await heading(page, name, 2).waitFor()
}

async function connected(page: Page) {
  await eventually(
    async () =>
      (await page.getByTestId('connection-state').getAttribute('data-state')) === 'connected',
    'the room to connect',
  )
}
