/** One splice of a text: remove `remove` UTF-16 code units at `index`, then insert `insert` there. */
export interface TextSplice {
  index: number
  remove: number
  insert: string
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/**
 * The smallest single splice that turns `before` into `after`: the common prefix and suffix are
 * kept, the middle is replaced.
 *
 * `caret` is where the caret ended up after the edit. Typing "a" into "aa" is ambiguous (which
 * "a" is new?); since typed or pasted text ends at the caret, the prefix is capped so that the
 * splice ends there. Concurrent editors then see the insertion where the person made it.
 *
 * The splice never cuts a surrogate pair: Yjs would encode a lone surrogate as U+FFFD.
 */
export function diffText(before: string, after: string, caret?: number): TextSplice {
  const shorter = Math.min(before.length, after.length)
  let prefixCap = shorter
  if (caret !== undefined) {
    prefixCap = Math.min(prefixCap, Math.max(0, caret - Math.max(0, after.length - before.length)))
  }
  let prefix = 0
  while (prefix < prefixCap && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--

  const suffixCap = shorter - prefix
  let suffix = 0
  while (
    suffix < suffixCap &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--

  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}

/** Applies a splice to a string (the inverse check of `diffText`, and a test helper). */
export function applySplice(text: string, { index, remove, insert }: TextSplice): string {
  return text.slice(0, index) + insert + text.slice(index + remove)
}
