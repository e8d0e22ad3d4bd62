import { z } from 'zod'

const tokenResponse = z.object({ token: z.string().min(1), expiresAt: z.number() })

/** The server runs without the playground (`HEARTH_PLAYGROUND` is off, its default). */
export class PlaygroundOff extends Error {
  constructor() {
    super('the playground is off on this server')
    this.name = 'PlaygroundOff'
  }
}

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
  if (response.status === 404) throw new PlaygroundOff()
  if (!response.ok) throw new Error(`token request failed with ${response.status}`)
  return tokenResponse.parse(await response.json()).token
}
