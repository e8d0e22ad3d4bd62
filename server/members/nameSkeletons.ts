import unhomoglyph from 'unhomoglyph'

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
const ROLE_SKELETONS = ROLE_WORDS.flatMap(nameSkeletons)

/** Whether `name`, looked at as its skeletons, claims a role ("Robin · Facilitator", "Adm1n"). */
export function claimsARole(name: string): boolean {
  return nameSkeletons(name).some((key) => ROLE_SKELETONS.some((word) => key.includes(word)))
}
