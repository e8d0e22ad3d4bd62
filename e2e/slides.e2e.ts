import PDFDocument from 'pdfkit'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { ROOM_STATE } from '../shared/sessions/roomState.ts'
import { connectProvider } from '../server/test/connectProvider.ts'
import { browserPerFile } from './support/browserPerFile.ts'
import { callApi } from './support/callApi.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import { enter, expectClean } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const baseUrl = inject('baseUrl')
const run = browserPerFile()
const people = run.people

/** The slide the page shows, by the frame's accessible name: "Slide 2 of 3". */
const shownSlide = (page: Page) =>
  page.locator('.slide-stage .slide').first().getAttribute('aria-label')

describe('slides', () => {
  it('a facilitator writes a deck and presents it; members follow within a second, browse away and come back; a member cannot move it', async () => {
    const made = await setUpRoom(run.browser, ['Ari', 'Bo'])
    people.push(made.facilitator, ...made.members)
    const { sessionId, facilitator } = made
    const [ari, bo] = made.members as [Person, Person]
    const f = facilitator.page

    // Writing: a deck of three slides, with speaker notes on the second.
    await f.goto(`${baseUrl}/decks`)
    await f.getByLabel('New deck').fill('What worry does to sleep')
    await f.getByRole('button', { name: 'Create the deck' }).click()
    const first = f.getByRole('textbox', { name: 'Slide 1 of 1', exact: true })
    await first.waitFor()
    await expect
      .poll(() => first.textContent(), { timeout: 5000 })
      .toContain('What worry does to sleep')
    await f.getByRole('button', { name: 'Add a slide' }).click()
    const second = f.getByRole('textbox', { name: 'Slide 2 of 2', exact: true })
    await second.click()
    await f.keyboard.type('Worry keeps the body alert at night.')
    const notes = f.getByRole('textbox', { name: 'Speaker notes for slide 2' })
    await notes.click()
    await f.keyboard.type('Ask who has noticed this.')
    await f.getByRole('button', { name: 'Add a slide' }).click()
    await f.getByRole('textbox', { name: 'Slide 3 of 3', exact: true }).click()
    await f.keyboard.type('A wind-down routine helps.')
    await f.getByText('Saved', { exact: true }).first().waitFor()
    await screenshot(facilitator, 'deck-editor')

    // Into the session, and presented.
    await enter(f, sessionId)
    await enter(ari.page, sessionId)
    await enter(bo.page, sessionId)
    await f.getByRole('tab', { name: 'Slides' }).click()
    await f.getByText('Bring a deck', { exact: true }).click()
    await f.getByRole('button', { name: 'Bring into the session' }).click()
    await f.getByRole('button', { name: 'Present to everyone from slide 1' }).click()
    await f.getByRole('button', { name: 'Stop presenting' }).waitFor()
    // Both members are taken to the slides, at the presenter's slide.
    for (const page of [ari.page, bo.page]) {
      await expect.poll(() => shownSlide(page), { timeout: 2000 }).toBe('Slide 1 of 3')
    }
    // Each move reaches both members within a second.
    await f.getByRole('button', { name: 'Next' }).click()
    const moved = Date.now()
    for (const page of [ari.page, bo.page]) {
      await expect.poll(() => shownSlide(page), { timeout: 1000 }).toBe('Slide 2 of 3')
    }
    expect(Date.now() - moved).toBeLessThan(1000)
    // The presenter sees the notes and the next slide; members never get the notes.
    await f
      .getByRole('complementary', { name: 'Presenter view' })
      .getByText('Ask who has noticed this.')
      .waitFor()
    for (const page of [ari.page, bo.page]) {
      expect(await page.getByText('Ask who has noticed this.').count()).toBe(0)
    }
    await screenshot(facilitator, 'slides-presenter')
    await screenshot(bo, 'slides-following')

    // Ari browses back on their own, then returns to the presenter.
    await ari.page.getByRole('button', { name: 'Previous' }).click()
    await expect.poll(() => shownSlide(ari.page), { timeout: 5000 }).toBe('Slide 1 of 3')
    await f.getByRole('button', { name: 'Next' }).click()
    await expect.poll(() => shownSlide(bo.page), { timeout: 1000 }).toBe('Slide 3 of 3')
    expect(await shownSlide(ari.page)).toBe('Slide 1 of 3')
    await ari.page.getByRole('button', { name: 'Back to the presenter (slide 3)' }).click()
    await expect.poll(() => shownSlide(ari.page), { timeout: 5000 }).toBe('Slide 3 of 3')
    // Keyboard: the stage moves with the arrow keys when browsing alone.
    await ari.page.locator('.slide-stage').focus()
    await ari.page.keyboard.press('ArrowLeft')
    await expect.poll(() => shownSlide(ari.page), { timeout: 5000 }).toBe('Slide 2 of 3')

    // A member cannot move the presented slide: the API refuses, and so does the room
    // document when written over a raw socket.
    const refused = await bo.page.evaluate(
      async ({ id }) =>
        (
          await fetch(`/api/sessions/${id}/present`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ worksheetId: null }),
          })
        ).status,
      { id: sessionId },
    )
    expect(refused).toBe(403)
    bo.errors.splice(0, bo.errors.length, ...bo.errors.filter((e) => !e.includes('/present')))
    const { documents } = await callApi<{ documents: { room: string } }>(
      bo.page,
      'GET',
      `/api/sessions/${sessionId}`,
    )
    const cookie = (await bo.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const raw = connectProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, documents.room, null, {
      cookie,
    })
    await raw.synced()
    const presented = raw.doc.getMap(ROOM_STATE).get('presented') as { id: string }
    raw.doc.getMap(ROOM_STATE).set('presented', { ...presented, slide: 0, at: 1 })
    await bo.page.waitForTimeout(500)
    raw.destroy()
    expect(await shownSlide(f)).toBe('Slide 3 of 3')
    await bo.page.reload()
    // A reload on a slow phone: the room reconnects, then the presented slide shows.
    await expect.poll(() => shownSlide(bo.page), { timeout: 15_000 }).toBe('Slide 3 of 3')
    expectClean([facilitator, ari, bo])
  }, 150_000)

  it('a starter deck with a content note: a member skips it privately, another looks', async () => {
    const made = await setUpRoom(run.browser, ['Cy', 'Di'])
    people.push(made.facilitator, ...made.members)
    const { sessionId, facilitator } = made
    const [cy, di] = made.members as [Person, Person]
    const f = facilitator.page
    await f.goto(`${baseUrl}/decks`)
    await f.getByText('Start from a deck that comes with Hearth').click()
    await f.getByRole('button', { name: 'Start from a copy of Grief: living with loss' }).click()
    await f.getByLabel('Content note for the whole deck (optional)').waitFor()
    expect(await f.getByLabel('Content note for the whole deck (optional)').inputValue()).toBe(
      'Discusses death and loss',
    )
    // The last slide gives its sources.
    const slides = f
      .getByRole('navigation', { name: 'Slides' })
      .getByRole('list')
      .getByRole('button')
    await slides.last().click()
    await f.getByText(/Stroebe, M., & Schut, H. \(1999\)/).waitFor()

    await enter(f, sessionId)
    await enter(cy.page, sessionId)
    await enter(di.page, sessionId)
    await f.getByRole('tab', { name: 'Slides' }).click()
    await f.getByText('Bring a deck', { exact: true }).click()
    await f.getByRole('button', { name: 'Bring into the session' }).click()
    await f.getByRole('button', { name: 'Present to everyone from slide 1' }).click()
    for (const page of [cy.page, di.page]) {
      await page.getByText('Content note: Discusses death and loss').waitFor()
    }
    // Cy skips: a calm placeholder, and nothing goes to the server.
    const sent: string[] = []
    cy.page.on('request', (r) => sent.push(r.url()))
    await cy.page.getByRole('button', { name: 'Skip these slides' }).click()
    await cy.page.getByText('You chose to skip these slides.').waitFor()
    await screenshot(cy, 'slides-skipped')
    // Di looks, and follows the presenter.
    await di.page.getByRole('button', { name: 'Show these slides' }).click()
    await expect.poll(() => shownSlide(di.page), { timeout: 5000 }).toBe('Slide 1 of 8')
    await f.getByRole('button', { name: 'Next' }).click()
    await expect.poll(() => shownSlide(di.page), { timeout: 1000 }).toBe('Slide 2 of 8')
    expect(sent.filter((u) => u.includes('/api/'))).toEqual([])
    expect(await cy.page.locator('.slide-stage').count()).toBe(0)
    expectClean([facilitator, cy, di])
  }, 150_000)

  it('a question slide: members answer anonymously, the facilitator sees the counts and shows them', async () => {
    const made = await setUpRoom(run.browser, ['Eli', 'Fay', 'Gus'])
    people.push(made.facilitator, ...made.members)
    const { sessionId, facilitator } = made
    const f = facilitator.page
    await f.goto(`${baseUrl}/decks`)
    await f.getByLabel('New deck').fill('Check-in')
    await f.getByRole('button', { name: 'Create the deck' }).click()
    await f.getByRole('textbox', { name: 'Slide 1 of 1', exact: true }).waitFor()
    await f.getByLabel('Layout').selectOption('response')
    const answers = f.getByLabel('Answers to choose from')
    await answers.fill('Rested\nTired\nNot sure')
    await f.getByText('Saved', { exact: true }).first().waitFor()

    await enter(f, sessionId)
    for (const m of made.members) await enter(m.page, sessionId)
    await f.getByRole('tab', { name: 'Slides' }).click()
    await f.getByText('Bring a deck', { exact: true }).click()
    await f.getByRole('button', { name: 'Bring into the session' }).click()
    await f.getByRole('button', { name: 'Present to everyone from slide 1' }).click()
    const picks = ['Tired', 'Tired', 'Rested']
    for (const [i, m] of made.members.entries()) {
      await m.page.getByRole('radio', { name: picks[i]! }).check()
      await m.page.getByRole('button', { name: 'Send my answer' }).click()
      await m.page.getByText(`Your answer is in: ${picks[i]!}.`).waitFor()
    }
    const counts = f.getByRole('region', { name: 'Answers so far' })
    await counts.getByText('Tired: 2').waitFor()
    await counts.getByText('Rested: 1').waitFor()
    // Nobody sees the counts before the facilitator shows them.
    const eli = made.members[0]!.page
    expect(await eli.getByText('What the group answered').count()).toBe(0)
    await f.getByRole('button', { name: 'Show the answers to the group' }).click()
    for (const m of made.members) {
      const seen = m.page.getByRole('region', { name: 'What the group answered' })
      await seen.getByText('Tired: 2').waitFor()
    }
    await screenshot(made.members[2]!, 'slides-question-results')
    expectClean([facilitator, ...made.members])
  }, 150_000)

  it('a PDF deck imports as image slides, converted in the facilitator’s browser; an SVG is refused', async () => {
    const made = await setUpRoom(run.browser, [])
    people.push(made.facilitator)
    const { facilitator } = made
    const f = facilitator.page
    // A three-page PDF, made here.
    const pdf = new PDFDocument({ size: [640, 360] })
    const chunks: Buffer[] = []
    pdf.on('data', (c: Buffer) => chunks.push(c))
    const done = new Promise((resolve) => pdf.on('end', resolve))
    for (const [i, line] of ['Why sleep matters', 'The body clock', 'Questions'].entries()) {
      if (i > 0) pdf.addPage({ size: [640, 360] })
      pdf.fontSize(32).text(line, 40, 150)
    }
    pdf.end()
    await done

    await f.goto(`${baseUrl}/decks`)
    await f.getByLabel('New deck').fill('Imported')
    await f.getByRole('button', { name: 'Create the deck' }).click()
    await f.getByRole('textbox', { name: 'Slide 1 of 1', exact: true }).waitFor()
    await f.getByLabel('Add slides from a PDF').setInputFiles({
      name: 'sleep.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat(chunks),
    })
    const list = f.getByRole('navigation', { name: 'Slides' }).getByRole('list')
    await expect.poll(() => list.getByRole('button').count(), { timeout: 30_000 }).toBe(4)
    await list.getByRole('button').nth(2).click()
    const picture = f.getByRole('img', { name: 'Page 2 of sleep.pdf' })
    await picture.waitFor()
    await expect
      .poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(1000)
    await screenshot(facilitator, 'deck-imported-pdf')
    // An SVG for an image slide: refused, with the reason.
    await f
      .getByLabel('Choose an image')
      .or(f.getByLabel('Replace the image'))
      .setInputFiles({
        name: 'drawing.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
      })
    await f.getByText('SVG images are not accepted').waitFor()
    // The refused upload is reported in the console: expected here, and only here.
    facilitator.errors.splice(
      0,
      facilitator.errors.length,
      ...facilitator.errors.filter((e) => !e.includes('/images')),
    )
    expectClean([facilitator])
  }, 150_000)
})
