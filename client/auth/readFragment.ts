/**
 * The secret of a one-time link (`/join#<token>`, `/setup#<token>`). It travels in the
 * fragment, which browsers never send to the server or in referrers.
 */
export function readFragment(hash: string): string | null {
  const token = decodeURIComponentSafe(hash.replace(/^#/, '')).trim()
  return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return ''
  }
}
