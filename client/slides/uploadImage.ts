import { z } from 'zod'
import { ApiError, friendlyMessage, UNREACHABLE } from '../api/ApiError.ts'

const uploaded = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), type: z.string() })

/** Sends an image to a deck; the server sniffs it and answers its content hash. */
export async function uploadImage(deckId: string, image: Blob): Promise<string> {
  let response: Response
  try {
    response = await fetch(`/api/decks/${deckId}/images`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': image.type || 'application/octet-stream' },
      body: image,
    })
  } catch {
    throw new ApiError(0, UNREACHABLE)
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const message = (body as { error?: string } | null)?.error
    // The server's reasons for refusing a file are written for people: show them as they are.
    throw new ApiError(
      response.status,
      response.status === 415 || response.status === 413
        ? (message ?? friendlyMessage(response.status, message))
        : friendlyMessage(response.status, message),
    )
  }
  return uploaded.parse(body).hash
}
