import type { z } from 'zod'
import { ApiError, friendlyMessage, UNEXPECTED, UNREACHABLE } from './ApiError.ts'

export interface ApiRequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON; a Blob (an upload) is sent as it is, with its own type. */
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
  if (body instanceof Blob) {
    init.headers = { 'content-type': body.type || 'application/octet-stream' }
    init.body = body
  } else if (method !== 'GET') {
    // Every other write is JSON, even an empty one: the server refuses other content types.
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
  if (!response.ok) throw await apiErrorOf(response)
  const json: unknown = await response.json().catch(() => null)
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new ApiError(0, UNEXPECTED)
  return parsed.data
}

/** The ApiError of a refused answer, from the server's JSON body (`{ error, requestId }`). */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => null)
  const { error, requestId } = (json ?? {}) as { error?: unknown; requestId?: unknown }
  return new ApiError(
    response.status,
    friendlyMessage(response.status, typeof error === 'string' ? error : undefined),
    typeof requestId === 'string' ? requestId : null,
  )
}
