/** Polls `check` every few milliseconds until it holds; rejects after `timeoutMs` naming `what`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}
