/**
 * The least string after every string that starts with `prefix`, in code point order (the
 * order of UTF-8 bytes: SQLite's BINARY collation, PostgreSQL's "C"). So `doc >= prefix AND
 * doc < end` is exactly "starts with": no character of the prefix is a wildcard, and a name
 * with characters past U+FFFF is not cut off. Null when nothing bounds it (the empty prefix).
 */
export function prefixEnd(prefix: string): string | null {
  const points = Array.from(prefix)
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!
    if (last < 0x10ffff) {
      // The surrogates are no characters of their own: after U+D7FF comes U+E000.
      return points.join('') + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1)
    }
  }
  return null
}
