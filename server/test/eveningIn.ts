/**
 * A session's local start, `YYYY-MM-DDT18:00`, `days` after `epochMs` (the test server's
 * clock): fixtures stay in the same relation to "now" whatever the machine's date is.
 */
export function eveningIn(days: number, epochMs: number): string {
  return `${new Date(epochMs + days * 86_400_000).toISOString().slice(0, 10)}T18:00`
}
