import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { z } from 'zod'

/**
 * Parses a JSON body against a schema from `shared/api`. Only `application/json` is accepted,
 * so a cross-site form cannot smuggle a body in (C14). Errors name fields, never echo values.
 */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!c.req.header('content-type')?.startsWith('application/json')) {
    throw new HTTPException(415, { message: 'send application/json' })
  }
  let json: unknown
  try {
    json = await c.req.json()
  } catch {
    throw new HTTPException(400, { message: 'body is not valid JSON' })
  }
  const result = schema.safeParse(json)
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => i.path.join('.') || 'body'))]
    throw new HTTPException(400, { message: `invalid: ${fields.join(', ')}` })
  }
  return result.data
}
