import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { pdfText } from '../server/test/pdfText.ts'
import { browserPerFile } from './support/browserPerFile.ts'
import { callApi } from './support/callApi.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import { enter, expectClean, textOf, typeInto } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'
import { GRATITUDE, sessionWrittenThenEnded } from './support/endedSession.ts'

const baseUrl = inject('baseUrl')
const run = browserPerFile()
const people = run.people

/** The sheet the address opened, once it holds the server's copy. */
async function openSheetAt(page: Page, name: string) {
  const editor = page.getByRole('textbox', { name, exact: true })
  await page.locator('.worksheet-editor[aria-busy="false"]').filter({ has: editor }).waitFor()
  return editor
}

describe('between sessions', () => {
  it('after the end, a member rereads the group’s sheet and goes on writing their own copy', async () => {
    const made = await sessionWrittenThenEnded(run.browser, 'Nia', {
      situation: 'Waiting for the train',
      goodThing: 'A walk at lunch',
    })
    people.push(made.facilitator, made.member)
    const { facilitator, member: nia } = made
    const n = nia.page
    // The sheets as they were at the end: kept by the server, read only.
    await n.getByRole('button', { name: 'Read Thought record as it was' }).click()
    const atEnd = n.getByRole('textbox', {
      name: 'Thought record, as it was at the end of the session',
    })
    await atEnd.getByText('Waiting for the train').waitFor()
    expect(await atEnd.getAttribute('aria-readonly')).toBe('true')
    await screenshot(nia, 'library-snapshot')

    // Home: the session is in "Your materials", with both sheets.
    await n.goto(`${baseUrl}/`)
    const materials = n.getByRole('region', { name: 'Your materials' })
    await materials.getByRole('link', { name: GRATITUDE, exact: true }).waitFor()
    // Search: across Nia's own materials, on the server.
    await materials.getByLabel('Search your materials').fill('lunch')
    await materials.getByRole('button', { name: 'Search' }).click()
    const found = materials.getByRole('list', { name: 'Search results' })
    await found.getByText('A walk at lunch').waitFor()
    expect(await found.getByRole('link').count()).toBe(1)
    await screenshot(nia, 'library-home')
    // The result opens the copy it was found in.
    await found.getByRole('link', { name: GRATITUDE, exact: true }).click()
    const homework = n.getByRole('textbox', { name: `${GRATITUDE} (your copy)`, exact: true })
    await n.locator('.worksheet-editor[aria-busy="false"]').filter({ has: homework }).waitFor()
    expect(await homework.getAttribute('aria-readonly')).toBe('false')
    await typeInto(n, homework, 'Good thing 1', ', and tea with Sam')
    await n.waitForTimeout(300)
    await n.reload()
    await n.locator('.worksheet-editor[aria-busy="false"]').filter({ has: homework }).waitFor()
    await expect.poll(() => textOf(homework)).toContain('A walk at lunch, and tea with Sam')
    await screenshot(nia, 'library-homework')

    // Exports: the files open and hold what Nia wrote.
    await n.goto(`${baseUrl}/`)
    const download = async (format: 'PDF' | 'Markdown') => {
      const [file] = await Promise.all([
        n.waitForEvent('download'),
        materials.getByRole('link', { name: `Download ${GRATITUDE} as ${format}` }).click(),
      ])
      return readFile((await file.path())!)
    }
    const md = (await download('Markdown')).toString('utf8')
    expect(md).toContain(`# ${GRATITUDE} (my copy)`)
    expect(md).toContain('A walk at lunch, and tea with Sam')
    const pdf = await download('PDF')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await pdfText(new Uint8Array(pdf))).replace(/\s+/g, ' ')).toContain(
      'A walk at lunch, and tea with Sam',
    )

    // The group's sheet, as the group left it: readable, not writable.
    await n.goto(`${baseUrl}/`)
    await materials.getByRole('link', { name: 'Thought record', exact: true }).click()
    const reread = n.getByRole('textbox', { name: 'Thought record', exact: true })
    await n.locator('.worksheet-editor[aria-busy="false"]').filter({ has: reread }).waitFor()
    expect(await reread.getAttribute('aria-readonly')).toBe('true')
    expect(await textOf(reread)).toContain('Waiting for the train')
    expectClean([facilitator, nia])
  }, 120_000)

  it('homework given after the session is written offline, kept, and read only once closed', async () => {
    const made = await setUpRoom(run.browser, ['Oli'])
    people.push(made.facilitator, ...made.members)
    const { sessionId, facilitator } = made
    const [oli] = made.members as [Person]
    const f = facilitator.page
    const o = oli.page
    await enter(f, sessionId)
    await enter(o, sessionId)
    await callApi(f, 'POST', `/api/sessions/${sessionId}/status`, { status: 'ended' })
    await o.getByText('This session has ended.').waitFor()
    // The facilitator gives homework from the ended session's room.
    await f.getByText('Give homework').click()
    await f.getByRole('radio', { name: new RegExp(`^${GRATITUDE}`) }).check()
    await f.getByRole('button', { name: 'Give as homework' }).click()
    await f.getByText('Homework', { exact: true }).waitFor()

    await o.goto(`${baseUrl}/`)
    const materials = o.getByRole('region', { name: 'Your materials' })
    await materials.getByText('Homework: yours to do before the next session').waitFor()
    await materials.getByRole('link', { name: GRATITUDE, exact: true }).click()
    const sheet = await openSheetAt(o, `${GRATITUDE} (your copy)`)
    // Offline: the words stay in the page, then reach the server when it is back.
    const saveState = o.locator('.worksheet-editor').getByTestId('save-state')
    await oli.context.setOffline(true)
    await typeInto(o, sheet, 'Good thing 1', 'Phoned my sister')
    await expect.poll(() => saveState.getAttribute('data-state')).toBe('offline-unsaved')
    await oli.context.setOffline(false)
    await expect.poll(() => saveState.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved')
    await o.reload()
    const again = await openSheetAt(o, `${GRATITUDE} (your copy)`)
    await expect.poll(() => textOf(again)).toContain('Phoned my sister')

    // Closed by the facilitator: still there to read, no longer to write.
    await f.getByRole('button', { name: `Close ${GRATITUDE} for everyone` }).click()
    await f.getByText('Closed', { exact: true }).waitFor()
    await o.reload()
    const closed = await openSheetAt(o, `${GRATITUDE} (your copy)`)
    expect(await closed.getAttribute('aria-readonly')).toBe('true')
    expect(await textOf(closed)).toContain('Phoned my sister')
    await screenshot(oli, 'library-homework-closed')
    expectClean([facilitator, oli])
  }, 120_000)
})
