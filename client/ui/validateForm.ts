import type { z } from 'zod'

/** A plain-language message for each field that can be wrong. */
export type FieldMessages<K extends string> = Partial<Record<K, string>>
export type FieldErrors<K extends string> = Partial<Record<K, string>>

export type Validation<T, K extends string> =
  { ok: true; data: T } | { ok: false; errors: FieldErrors<K>; first: K }

const FALLBACK = 'Please check this.'

/**
 * Checks form values with the same schema the server uses, and names each wrong field with a
 * message written for people (Zod's own messages are for developers).
 */
export function validateForm<S extends z.ZodType, K extends string>(
  schema: S,
  values: unknown,
  messages: FieldMessages<K>,
): Validation<z.output<S>, K> {
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors<K> = {}
  let first: K | undefined
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '') as K
    if (errors[field] !== undefined) continue
    errors[field] = messages[field] ?? FALLBACK
    first ??= field
  }
  return { ok: false, errors, first: first ?? ('' as K) }
}

/** Moves the focus to a field once the errors have been rendered beside it. */
export function focusField(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0)
}
