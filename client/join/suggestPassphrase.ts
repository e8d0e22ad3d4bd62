import { PASSPHRASE_WORDS } from './passphraseWords.ts'

/** Fills an array with random values, as `crypto.getRandomValues` does. */
export type RandomFill = (array: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer>

const defaultFill: RandomFill = (array) => crypto.getRandomValues(array)

/**
 * A uniformly random whole number below `n`. Values from the top of the 32-bit range that
 * would favour small results (modulo bias) are drawn again.
 */
export function randomBelow(n: number, fill: RandomFill = defaultFill): number {
  const limit = 2 ** 32 - (2 ** 32 % n)
  const one = new Uint32Array(1)
  for (;;) {
    const value = fill(one)[0]!
    if (value < limit) return value % n
  }
}

/** Four random words joined by hyphens, such as `otter-lantern-maple-tide`. */
export function suggestPassphrase(
  fill: RandomFill = defaultFill,
  words: readonly string[] = PASSPHRASE_WORDS,
  count = 4,
): string {
  const picked: string[] = []
  for (let i = 0; i < count; i++) picked.push(words[randomBelow(words.length, fill)]!)
  return picked.join('-')
}
