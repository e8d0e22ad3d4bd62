import { mkdir } from 'node:fs/promises'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { accessibilityProblems } from './accessibilityProblems.ts'
import { DESKTOP, PHONE } from './openPlayground.ts'

/** One person at their own browser: a fresh context (own cookies), one page, its errors. */
export interface Person {
  context: BrowserContext
  page: Page
  /** Uncaught errors and console errors the page produced. */
  errors: string[]
  /** Accessibility problems axe-core found on the screens photographed, by screen. */
  accessibility: string[]
  /** The viewport the person uses; screenshots are also taken at the other size. */
  viewport: typeof DESKTOP
}

export async function openPerson(
  browser: Browser,
  { phone = false }: { phone?: boolean } = {},
): Promise<Person> {
  const viewport = phone ? PHONE : DESKTOP
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(message.text() + ' @ ' + JSON.stringify(message.location()))
  })
  return { context, page, errors, accessibility: [], viewport }
}

export const SCREENSHOTS = '/tmp/hearth-screens'

/**
 * Checks the screen with axe-core and full-page screenshots of what the person sees, at their own size and at the other one
 * (desktop 1280×800, phone 390×844), as `<name>-desktop.png` and `<name>-phone.png`; with
 * `dark`, also at their own size in the dark colour scheme.
 */
export async function screenshot(
  person: Person,
  name: string,
  { dark = false }: { dark?: boolean } = {},
): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  const { page, viewport } = person
  const check = async (scheme: string) => {
    for (const problem of await accessibilityProblems(page))
      person.accessibility.push(`${name} (${scheme}): ${problem}`)
  }
  // WCAG reflow: nothing may make a phone scroll sideways.
  const overflow = async (size: typeof DESKTOP) => {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth)
    if (wide > size.width) person.accessibility.push(`${name}: ${wide}px wide at ${size.width}px`)
  }
  await check('light')
  if (dark) {
    await page.emulateMedia({ colorScheme: 'dark' })
    // Let the buttons' colour transitions finish, or they are caught half-way.
    await page.waitForTimeout(300)
    await check('dark')
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-dark.png`, fullPage: true })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.waitForTimeout(300)
  }
  const other = viewport === PHONE ? DESKTOP : PHONE
  const label = (size: typeof DESKTOP) => (size === PHONE ? 'phone' : 'desktop')
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-${label(viewport)}.png`, fullPage: true })
  await overflow(viewport)
  await page.setViewportSize(other)
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-${label(other)}.png`, fullPage: true })
  await overflow(other)
  await page.setViewportSize(viewport)
}
