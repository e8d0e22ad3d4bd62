import { expect } from 'vitest'

/**
 * Polls an asynchronous check until it holds, then asserts it (for what the server does soon
 * after a socket's frame: apply an edit, read a document). No timing is asserted.
 */
export async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10))
  expect(await check()).toBe(true)
}
