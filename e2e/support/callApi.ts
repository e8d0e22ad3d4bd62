import type { Page } from 'playwright-core'

/**
 * One call to the HTTP API from inside the page, with its login cookie: how a journey sets up
 * what it is not about (a group, a session) without clicking through every screen.
 */
export async function callApi<T = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> {
  const { status, json } = await page.evaluate(
    async ({ method, path, body }) => {
      const init: RequestInit = { method, credentials: 'same-origin' }
      if (method !== 'GET') {
        init.headers = { 'content-type': 'application/json' }
        init.body = JSON.stringify(body ?? {})
      }
      const response = await fetch(path, init)
      return { status: response.status, json: (await response.json().catch(() => null)) as unknown }
    },
    { method, path, body },
  )
  if (status >= 400) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`)
  return json as T
}
