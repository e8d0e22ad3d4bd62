import type { z } from 'zod'
import { ApiError, friendlyMessage, UNEXPECTED, UNREACHABLE } from './ApiError.ts'

export interface ApiRequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** The expected answer; anything else is refused rather than half-shown. */
  schema: z.ZodType<T>
  signal?: AbortSignal
}

/**
 * One call to Hearth's HTTP API with the login cookie. Resolves with the parsed answer, or
 * rejects with an ApiError whose message can be shown as it is. An aborted call rejects with
 * the abort reason, which callers ignore.
 */
export async function apiRequest<T>(
  path: string,
  { method = 'GET', body, schema, signal }: ApiRequestOptions<T>,
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', signal: signal ?? null }
  if (method !== 'GET') {
    // Every write is JSON, even an empty one: the server refuses other content types.
    init.headers = { 'content-type': 'application/json' }
    init.body = JSON.stringify(body ?? {})
  }
  let response: Response
  try {
    response = await fetchImpl(path, init)
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, UNREACHABLE)
  }
  const json: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const { error, requestId } = (json ?? {}) as { error?: unknown; requestId?: unknown }
    throw new ApiError(
      response.status,
      friendlyMessage(response.status, typeof error === 'string' ? error : undefined),
      typeof requestId === 'string' ? requestId : null,
    )
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new ApiError(0, UNEXPECTED)
  return parsed.data
}
