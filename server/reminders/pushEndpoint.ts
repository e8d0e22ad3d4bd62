/**
 * The browsers' push services, by host suffix. A subscription names the address the server
 * will POST to, so it is checked against these (and the configured extra origins) before it
 * is stored: the server never sends requests where a member points it.
 */
const PUSH_SERVICES = [
  'fcm.googleapis.com',
  '.push.services.mozilla.com',
  '.notify.windows.com',
  '.push.apple.com',
]

export function isPushEndpoint(endpoint: string, extraOrigins: ReadonlySet<string>): boolean {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  if (extraOrigins.has(url.origin)) return true
  if (url.protocol !== 'https:' || url.port) return false
  return PUSH_SERVICES.some((s) =>
    s.startsWith('.') ? url.hostname.endsWith(s) : url.hostname === s,
  )
}
