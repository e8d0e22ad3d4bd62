import { describe, expect, inject, it } from 'vitest'
import { browserPerFile } from './support/browserPerFile.ts'
import { callApi } from './support/callApi.ts'
import { eventually } from './support/openPlayground.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import {
  addWorksheet,
  enter,
  expectClean,
  openSheet,
  showsAll,
  textOf,
  typeInto,
} from './support/roomPage.ts'
import { addCoFacilitator, setUpRoom } from './support/setUpRoom.ts'

const baseUrl = inject('baseUrl')

const run = browserPerFile()
const people = run.people

async function room(pseudonyms: string[]) {
  const made = await setUpRoom(run.browser, pseudonyms)
  people.push(made.facilitator, ...made.members)
  return made
}

describe('worksheets in the session room', () => {
  it('three people co-edit a shared worksheet and see each other’s labelled carets', async () => {
    const { sessionId, facilitator, members } = await room(['Ana', 'Bea'])
    const [ana, bea] = members as [Person, Person]
    const f = facilitator.page
    await enter(f, sessionId)
    // The facilitator picks the exercise from the library, with its summary and source.
    await f.getByText('Add a worksheet').click()
    await f.getByRole('radio', { name: /^Thought record/ }).check()
    await f.getByText('Greenberger, D. & Padesky').first().waitFor()
    await f.getByRole('radio', { name: /^Shared/ }).check()
    await f.getByRole('button', { name: 'Add the worksheet' }).click()
    const lead = await openSheet(f, 'Thought record')

    await enter(ana.page, sessionId)
    await enter(bea.page, sessionId)
    const a = await openSheet(ana.page, 'Thought record')
    const b = await openSheet(bea.page, 'Thought record')
    // The room's presence is unaffected by the sheets' own sockets.
    const inRoom = f.getByRole('list', { name: 'People in the room' })
    await inRoom.getByText('Ana').waitFor()
    await inRoom.getByText('Bea').waitFor()

    await typeInto(ana.page, a, 'Situation', 'At the bus stop')
    await typeInto(bea.page, b, 'Automatic thoughts', 'They will laugh')
    // Words the sheet's own text does not hold ("anxious" is in its example), or a page could
    // pass for showing them before the last keystroke reached it.
    await typeInto(f, lead, 'Emotions', 'jittery')
    const parts = ['At the bus stop', 'They will laugh', 'jittery']
    await showsAll(a, parts, 'Ana')
    await showsAll(b, parts, 'Bea')
    await showsAll(lead, parts, 'the facilitator')
    const texts = await Promise.all([a, b, lead].map(textOf))
    expect(texts[1]).toBe(texts[0])
    expect(texts[2]).toBe(texts[0])

    // Everyone sees the others' carets, labelled with the names the server vouches for.
    await typeInto(bea.page, b, 'Automatic thoughts', ' at me')
    await a.locator('.collaboration-carets__label', { hasText: 'Bea' }).waitFor()
    await lead.locator('.collaboration-carets__label', { hasText: 'Bea' }).waitFor()
    await typeInto(ana.page, a, 'Situation', ' in the rain')
    await b.locator('.collaboration-carets__label', { hasText: 'Ana' }).waitFor()
    await showsAll(
      lead,
      ['At the bus stop in the rain', 'They will laugh at me'],
      'the facilitator',
    )

    // The rating is a slider: keyboard operable, its value saved in the sheet for everyone.
    const slider = a.getByRole('slider', { name: 'How strong was the main feeling?' })
    await slider.focus()
    await ana.page.keyboard.press('ArrowRight')
    await eventually(
      async () =>
        (await lead
          .getByRole('slider', { name: 'How strong was the main feeling?' })
          .getAttribute('aria-valuetext')) !== 'Not rated yet',
      'the rating to reach the facilitator',
    )

    await screenshot(ana, 'room-worksheet-shared-member')
    await screenshot(facilitator, 'room-worksheet-shared-facilitator')
    expectClean([facilitator, ana, bea])
  }, 120_000)

  it('a member with two worksheets open holds one sync socket and co-edits both', async () => {
    const { sessionId, facilitator, members } = await room(['Ivy'])
    const [ivy] = members as [Person]
    const f = facilitator.page
    // Every WebSocket the member's page opens, from before the room loads.
    const sockets: string[] = []
    ivy.page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname))
    await enter(f, sessionId)
    for (const templateId of ['thought-record', 'smart-goal']) {
      await callApi(f, 'POST', `/api/sessions/${sessionId}/worksheets`, {
        templateId,
        mode: 'shared',
      })
    }
    await enter(ivy.page, sessionId)
    const thoughts = await openSheet(ivy.page, 'Thought record')
    const goal = await openSheet(ivy.page, 'SMART goal', 'SMART goal')
    const leadThoughts = await openSheet(f, 'Thought record')
    const leadGoal = await openSheet(f, 'SMART goal', 'SMART goal')

    await typeInto(ivy.page, thoughts, 'Situation', 'Before the interview')
    await typeInto(ivy.page, goal, 'What I would like to change', 'Sleep before midnight')
    await typeInto(f, leadGoal, 'Specific: what exactly will I do?', 'Phone out of the bedroom')
    await showsAll(leadThoughts, ['Before the interview'], 'the facilitator')
    await showsAll(leadGoal, ['Sleep before midnight'], 'the facilitator')
    await showsAll(goal, ['Sleep before midnight', 'Phone out of the bedroom'], 'Ivy')

    // The room, both sheets and their shared answers: one socket, on the multiplexed endpoint.
    expect(sockets).toEqual(['/mux'])
    const saveStates = ivy.page.getByTestId('save-state')
    expect(await saveStates.count()).toBeGreaterThanOrEqual(2)
    await screenshot(ivy, 'room-two-worksheets')
    expectClean([facilitator, ivy])
  }, 120_000)

  it('a private worksheet stays with its owner until they share it, and sharing is taken back live', async () => {
    const { sessionId, facilitator, members } = await room(['Cal', 'Dee'])
    const [cal, dee] = members as [Person, Person]
    const f = facilitator.page
    await enter(f, sessionId)
    await callApi(f, 'POST', `/api/sessions/${sessionId}/worksheets`, {
      templateId: 'thought-record',
      mode: 'private',
    })
    await enter(cal.page, sessionId)
    await enter(dee.page, sessionId)
    const mine = 'Thought record (your copy)'
    const c = await openSheet(cal.page, mine)
    await cal.page.getByText('Facilitators cannot see it unless you share it.').waitFor()
    await typeInto(cal.page, c, 'Situation', 'Lunch with my sister')

    // Dee's list holds Dee's own copy only.
    await dee.page.getByRole('button', { name: `Open ${mine}`, exact: true }).waitFor()
    const deeList = dee.page.getByRole('list', { name: 'Worksheets' })
    expect(await deeList.getByRole('button').allTextContents()).toEqual([`Open ${mine}`])
    // Nor can Dee's page open Cal's copy by its name: the server refuses the socket.
    const { worksheets } = await callApi<{ worksheets: { document: string }[] }>(
      cal.page,
      'GET',
      `/api/sessions/${sessionId}/worksheets`,
    )
    const calsCopy = worksheets[0]!.document
    // An opaque name: nothing in it says whose copy it is.
    expect(calsCopy).toMatch(/\/copy\/c[a-z2-7]{20}$/)
    const attempt = await dee.page.evaluate(
      (name) =>
        new Promise<string>((resolve) => {
          const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync/${name}`
          const socket = new WebSocket(url, ['hearth'])
          let opened = false
          socket.onopen = () => (opened = true)
          socket.onmessage = () => resolve('received a message')
          socket.onclose = (event) => resolve(opened ? `opened, closed ${event.code}` : 'refused')
          setTimeout(() => resolve(opened ? 'opened' : 'no answer'), 5000)
        }),
      calsCopy,
    )
    expect(attempt).toBe('refused')
    // The facilitator sees the sheet exists, not what is in it.
    await f.getByText('You see a copy only if its owner shares it with you.').waitFor()
    const calsForLead = "Thought record (Cal's copy)"
    expect(await f.getByRole('button', { name: `Open ${calsForLead}` }).count()).toBe(0)

    // Cal shares the whole sheet with the facilitators: it appears, and follows Cal's typing.
    const wholeForLead = cal.page.getByRole('switch', {
      name: 'Share the whole sheet with the facilitators',
    })
    expect(await wholeForLead.getAttribute('aria-checked')).toBe('false')
    await wholeForLead.click()
    await cal.page.getByText('You are sharing your whole sheet with the facilitators.').waitFor()
    const lead = await openSheet(f, calsForLead)
    await showsAll(lead, ['Lunch with my sister'], 'the facilitator')
    expect(await lead.getAttribute('aria-readonly')).toBe('true')
    await typeInto(cal.page, c, 'Emotions', 'hurt')
    await showsAll(lead, ['Lunch with my sister', 'hurt'], 'the facilitator')
    await screenshot(cal, 'room-worksheet-private-shared')
    await screenshot(facilitator, 'room-worksheet-private-facilitator')

    // Cal takes it back: it leaves the facilitator's screen without a reload.
    expect(await wholeForLead.getAttribute('aria-checked')).toBe('true')
    await wholeForLead.click()
    await cal.page.getByText('Nothing is shared.').waitFor()
    await f.getByRole('button', { name: `Open ${calsForLead}` }).waitFor({ state: 'detached' })
    await lead.waitFor({ state: 'detached' })

    // One answer only, with the group: Dee reads it as plain text, and it goes when taken back.
    await cal.page.getByText('Share one answer only').click()
    const situation = '“Situation” with the group'
    const situationSwitch = cal.page.getByRole('switch', { name: `Share ${situation}` })
    const before = await situationSwitch.boundingBox()
    await situationSwitch.click()
    await cal.page.getByText('You are sharing your answer to “Situation” with the group.').waitFor()
    const shared = dee.page.getByRole('region', { name: 'Shared answers' })
    await shared.getByText('Lunch with my sister').waitFor()
    expect(await f.getByText('Lunch with my sister').count()).toBe(0)
    // The switch stayed where it was under the finger; Cal sees their own answer as theirs.
    const after = (await situationSwitch.boundingBox())!
    expect(Math.abs(after.y - before!.y)).toBeLessThan(1)
    expect([after.x, after.width, after.height]).toEqual([before!.x, before!.width, before!.height])
    expect(await situationSwitch.getAttribute('aria-checked')).toBe('true')
    const calsView = cal.page.getByRole('region', { name: 'Shared answers' })
    await calsView.getByText('(you)').waitFor()
    expect(await shared.getByText('(you)').count()).toBe(0)
    await screenshot(dee, 'room-worksheet-shared-answer')
    await screenshot(cal, 'room-worksheet-sharing-switches')
    await situationSwitch.click()
    await shared.waitFor({ state: 'detached' })

    expectClean([facilitator, cal], {})
    expectClean([dee], { allowRefusedSocket: true })
  }, 120_000)

  it('edits made offline are kept and merge when the connection comes back', async () => {
    const { sessionId, facilitator, members } = await room(['Eli'])
    const [eli] = members as [Person]
    const f = facilitator.page
    await enter(f, sessionId)
    await callApi(f, 'POST', `/api/sessions/${sessionId}/worksheets`, {
      templateId: 'thought-record',
      mode: 'shared',
    })
    await enter(eli.page, sessionId)
    const lead = await openSheet(f, 'Thought record')
    const e = await openSheet(eli.page, 'Thought record')

    await eli.context.setOffline(true)
    const saveState = eli.page.locator('.worksheet-editor').getByTestId('save-state')
    await eventually(
      async () => (await eli.page.getByTestId('connection-state').textContent()) === 'Offline',
      'the member to see that they are offline',
    )
    await typeInto(eli.page, e, 'Situation', 'Written on the train')
    await eventually(
      async () => (await saveState.getAttribute('data-state')) === 'offline-unsaved',
      'the member to see their edits are kept in the tab',
    )
    await typeInto(f, lead, 'Emotions', 'curious')
    await screenshot(eli, 'room-worksheet-offline')

    await eli.context.setOffline(false)
    const both = ['Written on the train', 'curious']
    await showsAll(e, both, 'the member')
    await showsAll(lead, both, 'the facilitator')
    expect(await textOf(e)).toBe(await textOf(lead))
    await eventually(
      async () => (await saveState.getAttribute('data-state')) === 'saved',
      'the member to see their edits saved',
    )
    expectClean([facilitator, eli])
  }, 120_000)

  it('a member signals silently; the facilitator sees it wherever they are; "seen" is kept and told to the member', async () => {
    const made = await room(['Gus'])
    const { sessionId, facilitator, members } = made
    const [gus] = members as [Person]
    const f = facilitator.page
    const co = await addCoFacilitator(run.browser, made)
    people.push(co)
    const g = gus.page
    facilitator.viewport = { width: 1366, height: 768 }
    await f.setViewportSize(facilitator.viewport)
    await enter(f, sessionId)
    await enter(g, sessionId)
    await enter(co.page, sessionId)
    // The facilitator is writing deep in a worksheet, far down the page.
    await addWorksheet(f, /^Thought record/, 'Shared')
    const sheet = await openSheet(f, 'Thought record')
    await typeInto(f, sheet, 'A more balanced thought', 'Maybe they were busy.')
    await f.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))

    // Offline, the press is not reported as sent; it goes when the connection is back.
    await gus.context.setOffline(true)
    await g.getByRole('button', { name: 'Tell your facilitator' }).click()
    await g.getByRole('button', { name: 'I need a moment' }).click()
    const status = g.locator('.signal-sent')
    await status.getByText('Not sent yet').waitFor()
    expect(await status.innerText()).not.toMatch(/seen|Sent\./)
    await g.waitForTimeout(300)
    expect(await f.locator('.signal-banner').innerText()).toBe('')
    await gus.context.setOffline(false)
    await status.getByText('Sent. Your facilitator will see it soon.').waitFor()

    // The banner is in the facilitator's viewport at once, however far down they are.
    const banner = f.locator('.signal-banner')
    await banner.getByText('Gus needs a moment.', { exact: true }).waitFor({ timeout: 1000 })
    const box = (await banner.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(768)
    expect(await f.title()).toMatch(/^\(1\) Signal · /)
    await f.getByRole('list', { name: 'People in the room' }).getByText('Needs a moment').waitFor()
    await screenshot(facilitator, 'room-signal-facilitator')

    const coBanner = co.page.locator('.signal-banner')
    await coBanner.getByText('Gus needs a moment.', { exact: true }).waitFor()
    await f.getByRole('button', { name: /^Mark as seen: Gus needs a moment\./ }).click()
    await banner.getByText('Gus needs a moment.').waitFor({ state: 'detached' })
    // Seen once, for every facilitator: the co-facilitator's banner clears too.
    await coBanner.getByText('Gus needs a moment.').waitFor({ state: 'detached' })
    await co.page.getByText(/Gus needs a moment\. .*seen by Dr Sam Rivers/).waitFor()
    await status.getByText('Your facilitator has seen your message.').waitFor()
    expect(await f.title()).not.toMatch(/Signal/)
    // Seen is kept on the server: after a reload the banner stays clear, the history says who.
    await f.reload()
    await enter(f, sessionId)
    await f.getByText(/Gus needs a moment\. .*seen by /).waitFor()
    expect(await banner.innerText()).toBe('')
    await g.reload()
    await enter(g, sessionId)
    await g.getByRole('button', { name: 'Tell your facilitator' }).click()
    await status.getByText('Your facilitator has seen your message.').waitFor()
    await screenshot(gus, 'room-signal-member')

    // The notes are the facilitators' alone: members have no such pane.
    const notes = f.getByRole('textbox', { name: 'Session notes' })
    await notes.click()
    await f.keyboard.type('Gus asked for a moment.')
    await f.getByRole('button', { name: 'Add time stamp' }).click()
    await eventually(
      async () => /\[\d{2}:\d{2}\]/.test(await notes.innerText()),
      'the time stamp in the notes',
    )
    expect(await g.getByRole('heading', { name: 'Session notes' }).count()).toBe(0)
    expectClean([facilitator, gus, co])
  }, 120_000)

  it('a facilitator writes a template of their own and adds it to a session', async () => {
    const { sessionId, facilitator } = await room([])
    const f = facilitator.page
    await f.goto(`${baseUrl}/`)
    await f.getByRole('link', { name: 'Worksheet templates' }).click()
    await f.getByRole('heading', { name: 'Worksheet templates', level: 1 }).waitFor()
    await f.getByRole('button', { name: 'New template' }).click()
    await f.getByLabel('Title').fill('Three good things')
    await f.getByLabel('Summary').fill('Notice what went well today.')
    const content = f.getByRole('textbox', { name: 'Template content' })
    await content.click()
    await f.keyboard.type('Take a quiet minute before you write.')
    await f.getByLabel('Question or label').fill('What went well today?')
    await f.getByLabel('Hint (optional)').fill('Small things count.')
    await f.getByRole('button', { name: 'Add an answer' }).click()
    await content.getByRole('heading', { name: 'What went well today?' }).waitFor()
    await screenshot(facilitator, 'template-editor')
    await f.getByRole('button', { name: 'Save as a new template' }).click()
    await f.getByRole('heading', { name: 'Three good things', level: 3, exact: true }).waitFor()

    await enter(f, sessionId)
    await f.getByText('Add a worksheet').click()
    await f.getByRole('radio', { name: /^Three good things/ }).check()
    await f.getByRole('button', { name: 'Add the worksheet' }).click()
    const sheet = await openSheet(f, 'Three good things', 'What went well today?')
    await sheet.getByText('Take a quiet minute before you write.').waitFor()
    expectClean([facilitator])
  }, 120_000)
})
