import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError, type ApiError } from '../api/ApiError.ts'
import { meSchema, type Me } from './meSchema.ts'

export type MeState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: Me }
  | { status: 'error'; error: ApiError }

export interface MeContextValue {
  state: MeState
  /** Asks the server again, after signing in or out; resolves with who is signed in now. */
  refresh(): Promise<Me | null>
  /** Forgets the person at once, after signing out. */
  forget(): void
}

export const MeContext = createContext<MeContextValue | null>(null)

async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest('/api/me', { schema: meSchema })
  } catch (error) {
    if (toApiError(error).status === 401) return null
    throw error
  }
}

/**
 * Knows who is signed in. Pages that people open signed out (sign-in, set-up, joining) do not
 * need to know, so the question is only asked once a page needs the answer (`needed`).
 */
export function MeProvider({ needed, children }: { needed: boolean; children: ReactNode }) {
  const [state, setState] = useState<MeState>({ status: 'idle' })

  const refresh = useCallback(async () => {
    try {
      const me = await fetchMe()
      setState(me ? { status: 'signed-in', me } : { status: 'signed-out' })
      return me
    } catch (error) {
      setState({ status: 'error', error: toApiError(error) })
      return null
    }
  }, [])

  const shouldLoad = needed && state.status === 'idle'
  useEffect(() => {
    if (!shouldLoad) return
    let live = true
    fetchMe().then(
      (me) => live && setState(me ? { status: 'signed-in', me } : { status: 'signed-out' }),
      (error: unknown) => live && setState({ status: 'error', error: toApiError(error) }),
    )
    return () => {
      live = false
    }
  }, [shouldLoad])

  const value = useMemo<MeContextValue>(
    () => ({
      // Not yet asked, from a page that needs it: the effect above is about to ask.
      state: shouldLoad ? { status: 'loading' } : state,
      refresh,
      forget: () => setState({ status: 'signed-out' }),
    }),
    [state, shouldLoad, refresh],
  )
  return <MeContext value={value}>{children}</MeContext>
}
