import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser.ts'
import type { Person } from './openPerson.ts'

/**
 * One Chromium for a test file, and the people it opened, closed after the file: the set-up
 * every room walk repeats. Push each person made into `people`.
 */
export function browserPerFile(): { readonly browser: Browser; people: Person[] } {
  let browser: Browser | null = null
  const people: Person[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const person of people) await person.context.close()
    await browser?.close()
  })
  return {
    get browser(): Browser {
      return browser!
    },
    people,
  }
}
