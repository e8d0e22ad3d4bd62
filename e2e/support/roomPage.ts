import type { Locator, Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { eventually } from './openPlayground.ts'
import type { Person } from './openPerson.ts'

/** Helpers for tests in the session room. */

const baseUrl = inject('baseUrl')

/** Opens the session page and waits until the room is connected. */
export async function enter(page: Page, sessionId: string) {
  await page.goto(`${baseUrl}/session/${sessionId}`)
  await connected(page)
}

/** Waits until the room on this page is connected (after a reload, say). */
export async function connected(page: Page) {
  await eventually(
    async () =>
      (await page.getByTestId('connection-state').getAttribute('data-state')) === 'connected',
    'the room to connect',
  )
}

/** The open worksheet's editor, once it holds the server's copy. */
export async function openSheet(
  page: Page,
  name: string,
  firstField = 'Situation',
): Promise<Locator> {
  await page.getByRole('button', { name: `Open ${name}`, exact: true }).click()
  const editor = page.getByRole('textbox', { name, exact: true })
  await page.locator('.worksheet-editor[aria-busy="false"]').filter({ has: editor }).waitFor()
  await editor.getByRole('heading', { name: firstField, exact: true }).waitFor()
  return editor
}

/** Types at the end of one answer of the sheet. */
export async function typeInto(page: Page, editor: Locator, label: string, text: string) {
  const field = editor
    .locator('.answer-field')
    .filter({ has: page.getByRole('heading', { name: label, exact: true }) })
  await field.locator('.answer-field-content p').last().click()
  await page.keyboard.press('End')
  await page.keyboard.type(text)
}

/** The sheet's text, without the other people's caret labels. */
export const textOf = (editor: Locator) =>
  editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.innerText
  })

export async function showsAll(editor: Locator, parts: string[], who: string) {
  let shown = ''
  await eventually(
    async () => {
      shown = await textOf(editor)
      return parts.every((p) => shown.includes(p))
    },
    () => `${who} to show ${JSON.stringify(parts)}; it shows ${JSON.stringify(shown)}`,
  )
}

/** The one console error a refused socket leaves: the browser reports the failed handshake. */
const refusedSocket = /WebSocket connection to .*\/sync\/.* failed/

export function expectClean(everyone: Person[], { allowRefusedSocket = false } = {}) {
  for (const person of everyone) {
    const errors = person.errors.filter((e) => !(allowRefusedSocket && refusedSocket.test(e)))
    expect(errors, 'errors in the page').toEqual([])
  }
  expect(
    everyone.flatMap((p) => p.accessibility),
    'accessibility problems',
  ).toEqual([])
}

/** A facilitator adds a sheet from the library to the session, from the room's form. */
export async function addWorksheet(page: Page, template: RegExp, mode: 'Shared' | 'Private') {
  await page.getByText('Add a worksheet').click()
  await page.getByRole('radio', { name: template }).check()
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check()
  await page.getByRole('button', { name: 'Add the worksheet' }).click()
}
