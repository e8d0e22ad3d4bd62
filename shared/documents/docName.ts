import { z } from 'zod'

/** A document's name, as it appears after `/sync/`. Kind and owner are readable from it. */
export type DocName = string & { readonly __brand: 'DocName' }

/**
 * Lower-case segments of letters, digits, `_` and `-`, joined by `/`. No empty segment, no dot
 * (so no `..`), at most 200 characters: names are opaque ids, never personal data.
 */
const DOC_NAME = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*$/

export const docNameSchema = z
  .string()
  .max(200)
  .regex(DOC_NAME, 'document names are lower-case segments joined by /')
  .transform((s) => s as DocName)

/** Parses an untrusted string into a `DocName`, or returns null. */
export function parseDocName(raw: string): DocName | null {
  const result = docNameSchema.safeParse(raw)
  return result.success ? result.data : null
}
