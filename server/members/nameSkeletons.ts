import { createRequire } from 'node:module'
import type fold from 'unhomoglyph'

const require = createRequire(import.meta.url)
let foldTable: typeof fold | null = null
/**
 * `unhomoglyph` and its table load when a name is first checked, not at every start. Required
 * rather than imported: the checks run inside a database transaction, which cannot wait.
 */
const unhomoglyph = (text: string) => (foldTable ??= require('unhomoglyph') as typeof fold)(text)

/**
 * Keys under which two names look alike to a reader (after Unicode TR39's skeletons): case,
 * compatibility forms, accents, spacing, punctuation and invisible characters are ignored, and
 * look-alike letters from other scripts ("Wrеn" with a Cyrillic е, "Dr Οther" with a Greek Ο,
 * "0" for "O") are folded onto one with `unhomoglyph`'s table of Unicode confusables. Two names
 * collide when any of their keys are equal. Two keys, because case and look-alikes fold
 * differently in either order ("I" looks like "l"; "I" is "i" without case).
 */
export function nameSkeletons(name: string): string[] {
  const bare = name
    .normalize('NFKD')
    .replace(/[\p{M}\p{P}\p{S}\p{Z}\p{C}\s]+/gu, '')
    .normalize('NFC')
  const lowerFirst = unhomoglyph(bare.toLocaleLowerCase('en')).toLocaleLowerCase('en')
  const foldFirst = unhomoglyph(bare).toLocaleLowerCase('en')
  return lowerFirst === foldFirst ? [lowerFirst] : [lowerFirst, foldFirst]
}

/** Whether `name` looks like any of `others`. */
export function looksLikeAny(name: string, others: Iterable<string>): boolean {
  const mine = new Set(nameSkeletons(name))
  for (const other of others) {
    if (nameSkeletons(other).some((key) => mine.has(key))) return true
  }
  return false
}

/** Words a member's name may not carry: they would read as a role the server did not give. */
const ROLE_WORDS = ['facilitator', 'therapist', 'moderator', 'admin', 'staff', 'hearth']
let roleSkeletons: string[] | null = null

/**
 * Digits read as letters in a word ("Adm1n", "5taff", "Th3rapist"). Only for the role check:
 * in a name, "Al" and "A1" are different people's, but no role is spelled with a digit.
 * Applied to both sides, so "l" (which the confusables table makes of "1") folds too.
 */
const DIGIT_LETTERS: Record<string, string> = {
  l: 'i',
  1: 'i',
  0: 'o',
  3: 'e',
  4: 'a',
  5: 's',
  7: 't',
}
const readAsLetters = (key: string) => key.replace(/[l103457]/g, (c) => DIGIT_LETTERS[c] ?? c)

/** Whether `name`, looked at as its skeletons, claims a role ("Robin · Facilitator", "Adm1n"). */
export function claimsARole(name: string): boolean {
  const roles = (roleSkeletons ??= ROLE_WORDS.flatMap(nameSkeletons).map(readAsLetters))
  return nameSkeletons(name)
    .map(readAsLetters)
    .some((key) => roles.some((word) => key.includes(word)))
}
