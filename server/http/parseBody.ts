import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { z } from 'zod'

/** What a JSON body may weigh unless its route says otherwise: every form fits in far less. */
export const DEFAULT_BODY_BYTES = 64 * 1024

const tooLarge = (maxBytes: number) =>
  new HTTPException(413, { message: `body larger than ${Math.round(maxBytes / 1024)} KiB` })

/**
 * Reads a body of at most `maxBytes`, counting as it streams: a declared length over the limit
 * is refused before a byte is read, and an undeclared (chunked) one as soon as it passes it, so
 * an oversized body never sits in memory, whoever sends it.
 */
export async function readLimitedText(c: Context, maxBytes: number): Promise<string> {
  return (await readLimitedBytes(c, maxBytes)).toString('utf8')
}

/** `readLimitedText`, as bytes (uploads). */
export async function readLimitedBytes(c: Context, maxBytes: number): Promise<Buffer> {
  const declared = Number(c.req.header('content-length') ?? 0)
  if (declared > maxBytes) throw tooLarge(maxBytes)
  const body = c.req.raw.body
  if (!body) return Buffer.alloc(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/**
 * Parses a JSON body against a schema from `shared/api`. Only `application/json` is accepted,
 * so a cross-site form cannot smuggle a body in (C14). Errors name fields, never echo values.
 */
export async function parseBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes = DEFAULT_BODY_BYTES,
): Promise<z.infer<S>> {
  if (!c.req.header('content-type')?.startsWith('application/json')) {
    throw new HTTPException(415, { message: 'send application/json' })
  }
  const text = await readLimitedText(c, maxBytes)
  let json: unknown
  try {
    json = JSON.parse(text)
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
