import { use } from 'react'
import { MeContext, type MeContextValue } from './MeProvider.tsx'

/** Who is signed in, and how to ask again. */
export function useMe(): MeContextValue {
  const value = use(MeContext)
  if (!value) throw new Error('useMe outside MeProvider')
  return value
}
