import { z } from 'zod'

/** A flag the server reads straight out of SQLite, where `true` is `1`. */
export const sqlBoolean = z.union([z.boolean(), z.number()]).transform((value) => Boolean(value))
