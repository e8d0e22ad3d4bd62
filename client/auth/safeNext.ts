/**
 * Where to go after signing in, from `?next=`. Only a path on this site is followed, so a
 * crafted sign-in link cannot send someone elsewhere.
 */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next')
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/'
  return next
}
