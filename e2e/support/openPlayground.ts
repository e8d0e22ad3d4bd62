import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'

export interface PlaygroundView {
  page: Page
  context: BrowserContext
  /** The shared textarea, found by its label. */
  text: Locator
  connection: Locator
  save: Locator
  /** Uncaught errors and console errors the page produced. */
  errors: string[]
}

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }

/** Opens the playground in a fresh browser context and waits for the first sync. */
export async function openPlayground(
  browser: Browser,
  url: string,
  { viewport = DESKTOP, mobile = false } = {},
): Promise<PlaygroundView> {
  const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(message.text() + ' @ ' + JSON.stringify(message.location()))
  })
  await page.goto(url)
  const view: PlaygroundView = {
    page,
    context,
    text: page.getByLabel('Shared text'),
    connection: page.getByTestId('connection-state'),
    save: page.getByTestId('save-state'),
    errors,
  }
  await waitForSync(view)
  return view
}

/** Waits until the page is connected and has the server's copy of the document. */
export async function waitForSync({ text, connection }: PlaygroundView): Promise<void> {
  await eventually(
    async () =>
      (await connection.getAttribute('data-state')) === 'connected' &&
      (await text.getAttribute('aria-busy')) === 'false',
    'the page to connect and sync',
  )
}

/** Polls `check` until it holds, or fails after `ms` saying what it waited for. */
export async function eventually(
  check: () => Promise<boolean>,
  what: string | (() => string),
  ms = 15_000,
): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Waits until the textarea shows exactly `expected`. */
export async function waitForText(view: PlaygroundView, expected: string, who: string) {
  let shown = ''
  await eventually(
    async () => (shown = await view.text.inputValue()) === expected,
    () => `${who} to show ${JSON.stringify(expected)}; it shows ${JSON.stringify(shown)}`,
  )
}

/** Waits until the save indicator says the server has made every local edit durable. */
export async function waitForSaved(view: PlaygroundView, who: string) {
  await eventually(
    async () =>
      (await view.save.getAttribute('data-state')) === 'saved' &&
      (await view.save.textContent()) === 'Saved',
    `${who} to show "Saved"`,
  )
}
