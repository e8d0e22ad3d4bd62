/**
 * The form in which pseudonyms must be unique within a group: case, accents' composition and
 * spacing do not make two pseudonyms different ("Robin", "robin ", "ROBIN" are one).
 */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en')
}
