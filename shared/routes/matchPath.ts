/** The parameters a pattern captured, by name. */
export type PathParams = Record<string, string>

/**
 * Matches a pathname against a pattern such as `/groups/:groupId/:section?`. A `:name`
 * segment captures one decoded segment; a trailing `?` makes it optional. A trailing slash
 * on the pathname is ignored. Returns null when the pathname does not match.
 */
export function matchPath(pattern: string, pathname: string): PathParams | null {
  const wanted = segments(pattern)
  const actual = segments(pathname)
  if (actual.length > wanted.length) return null
  const params: PathParams = {}
  for (let i = 0; i < wanted.length; i++) {
    const part = wanted[i]!
    const value = actual[i]
    if (!part.startsWith(':')) {
      if (value !== part) return null
      continue
    }
    const optional = part.endsWith('?')
    const name = part.slice(1, optional ? -1 : undefined)
    if (value === undefined) {
      if (optional) continue
      return null
    }
    const decoded = safeDecode(value)
    if (decoded === null) return null
    params[name] = decoded
  }
  return params
}

const segments = (path: string) => path.split('/').filter((part) => part !== '')

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
