import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'

/** Moves everyone to `slide` of a deck in the session (facilitators; the server checks). */
export const presentSlide = (sessionId: string, handoutId: string, slide: number) =>
  apiRequest(`/api/sessions/${sessionId}/present`, {
    method: 'POST',
    body: { handoutId, slide },
    schema: z.unknown(),
  })

/** Ends the presentation: everyone is free to move. */
export const stopPresenting = (sessionId: string) =>
  apiRequest(`/api/sessions/${sessionId}/present`, {
    method: 'POST',
    body: { worksheetId: null },
    schema: z.unknown(),
  })
