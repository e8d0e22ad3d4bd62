import { z } from 'zod'

const tokenResponse = z.object({ token: z.string().min(1), expiresAt: z.number() })

/** Asks the server for a short-lived token for `playground/` documents. */
export async function fetchPlaygroundToken(
  access: 'write' | 'read',
  signal?: AbortSignal,
): Promise<string> {
  const response = await fetch('/api/playground/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ access }),
    signal,
  })
  if (!response.ok) throw new Error(`token request failed with ${response.status}`)
  return tokenResponse.parse(await response.json()).token
}
