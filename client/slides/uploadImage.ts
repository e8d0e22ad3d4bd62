import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'

const uploaded = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), type: z.string() })

/**
 * Sends an image to a deck; the server sniffs it and answers its content hash. A refusal
 * carries the server's reason ("SVG images are not accepted…"), shown as it is.
 */
export async function uploadImage(deckId: string, image: Blob): Promise<string> {
  const { hash } = await apiRequest(`/api/decks/${deckId}/images`, {
    method: 'POST',
    body: image,
    schema: uploaded,
  })
  return hash
}
