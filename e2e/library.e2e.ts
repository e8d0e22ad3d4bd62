import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { pdfText } from '../server/test/pdfText.ts'
import { launchBrowser } from './support/browser.ts'
import { callApi } from './support/callApi.ts'
import { screenshot, type Person } from './support/openPerson.ts'
import { enter, expectClean, openSheet, textOf, typeInto } from './support/roomPage.ts'
import { setUpRoom } from './support/setUpRoom.ts'

const baseUrl = inject('baseUrl')
const GRATITUDE = 'Gratitude journal: three good things'
let browser: Browser
const people: Person[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const person of people) await person.context.close()
  await browser?.close()
})

describe('between sessions', () => {
  it('after the end, a member rereads the group’s sheet and goes on writing their own copy', async () => {
    const made = await setUpRoom(browser, ['Nia'])
    people.push(made.facilitator, ...made.members)
    const { sessionId, facilitator } = made
    const [nia] = made.members as [Person]
    const f = facilitator.page
    const n = nia.page
    await enter(f, sessionId)
    for (const [templateId, mode] of [
      ['thought-record', 'shared'],
      ['gratitude-journal', 'private'],
    ] as const) {
      await callApi(f, 'POST', `/api/sessions/${sessionId}/worksheets`, { templateId, mode })
    }
    await enter(n, sessionId)
    const group = await openSheet(n, 'Thought record')
    await typeInto(n, group, 'Situation', 'Waiting for the train')
    const own = await openSheet(n, `${GRATITUDE} (your copy)`, 'Good thing 1')
    await typeInto(n, own, 'Good thing 1', 'A walk at lunch')
    await callApi(f, 'POST', `/api/sessions/${sessionId}/status`, { status: 'ended' })
    await n.getByText('This session has ended.').waitFor()

    // Home: the session is in "Your materials", with both sheets.
    await n.goto(`${baseUrl}/`)
    const materials = n.getByRole('region', { name: 'Your materials' })
    await materials.getByRole('link', { name: GRATITUDE, exact: true }).waitFor()
    await screenshot(nia, 'library-home')
    await materials.getByRole('link', { name: GRATITUDE, exact: true }).click()
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
})
