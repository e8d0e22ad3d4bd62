import { mkdir } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from './support/browser.ts'
import {
  openPlayground,
  PHONE,
  waitForSaved,
  waitForSync,
  waitForText,
  type PlaygroundView,
} from './support/openPlayground.ts'

const baseUrl = inject('baseUrl')
const ARTIFACTS = 'e2e/artifacts'
const runId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

let browser: Browser
const views: PlaygroundView[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  await mkdir(ARTIFACTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

async function open(query: string, options?: Parameters<typeof openPlayground>[2]) {
  const view = await openPlayground(browser, `${baseUrl}/playground${query}`, options)
  views.push(view)
  return view
}

async function closeAll() {
  for (const view of views.splice(0)) {
    expect(view.errors, 'errors in the page').toEqual([])
    await view.context.close()
  }
}

describe('playground', () => {
  it('two people co-edit one text, see it saved, and find it again after a reload', async () => {
    const query = `?doc=pair-${runId}`
    try {
      const first = await open(query)
      const second = await open(query, { viewport: PHONE, mobile: true })
      await expect(first.text.inputValue()).resolves.toBe('')
      expect(await first.connection.textContent()).toBe('Connected')

      await first.text.click()
      await first.page.keyboard.type('Hello from the first browser.')
      await waitForText(second, 'Hello from the first browser.', 'the second browser')

      await second.text.click()
      await second.page.keyboard.press('Control+End')
      await second.page.keyboard.type(' And hello back.')
      const both = 'Hello from the first browser. And hello back.'
      await waitForText(first, both, 'the first browser')

      // Both type at once, at opposite ends: each caret must stay where its owner put it.
      await first.page.keyboard.press('Control+Home')
      await Promise.all([
        first.page.keyboard.type('Check-in: '),
        second.page.keyboard.type(' See you next week.'),
      ])
      const final = `Check-in: ${both} See you next week.`
      await waitForText(first, final, 'the first browser')
      await waitForText(second, final, 'the second browser')

      await waitForSaved(first, 'the first browser')
      await waitForSaved(second, 'the second browser')
      await first.page.screenshot({ path: `${ARTIFACTS}/playground-desktop.png` })
      await second.page.screenshot({ path: `${ARTIFACTS}/playground-phone.png` })

      await first.page.reload()
      await waitForSync(first)
      expect(await first.text.inputValue()).toBe(final)
    } finally {
      await closeAll()
    }
  })

  it('a read-only view follows the writer but cannot change the text', async () => {
    const doc = `read-${runId}`
    try {
      const writer = await open(`?doc=${doc}`)
      await writer.text.click()
      await writer.page.keyboard.type('Today we practise listening.')
      await waitForSaved(writer, 'the writer')

      const reader = await open(`?doc=${doc}&access=read`)
      const textbox = reader.page.getByRole('textbox', { name: 'Shared text' })
      await waitForText(reader, 'Today we practise listening.', 'the reader')
      expect(await textbox.isEditable()).toBe(false)
      expect(await textbox.getAttribute('readonly')).not.toBeNull()
      expect(await reader.page.getByText('Read-only: you can follow along').isVisible()).toBe(true)

      await textbox.click()
      await reader.page.keyboard.type('changed by the reader')
      await reader.page.keyboard.press('Backspace')

      await writer.page.keyboard.type(' Then we rest.')
      const final = 'Today we practise listening. Then we rest.'
      await waitForText(reader, final, 'the reader')
      await waitForSaved(writer, 'the writer')
      expect(await writer.text.inputValue()).toBe(final)
    } finally {
      await closeAll()
    }
  })
})
