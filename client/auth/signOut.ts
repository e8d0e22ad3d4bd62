import { apiRequest } from '../api/apiRequest.ts'
import { okResponse } from '../api/okResponse.ts'

/** Ends the login on the server; the cookie goes with it. */
export async function signOut(): Promise<void> {
  await apiRequest('/api/auth/logout', { method: 'POST', schema: okResponse })
}
