import type { Page } from 'playwright-core'

/** Every request the page makes from now on, by URL (to check what loads, and from where). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}
