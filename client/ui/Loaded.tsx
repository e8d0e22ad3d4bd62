import type { ReactNode } from 'react'
import type { Resource } from '../api/useResource.ts'
import { SignInPrompt } from '../auth/SignInPrompt.tsx'
import { LoadingNotice } from './LoadingNotice.tsx'
import { ProblemNotice } from './ProblemNotice.tsx'

/** Shows a resource: a loading notice, its problem (with a retry), or the content. */
export function Loaded<T>({
  resource,
  loading,
  retry,
  children,
}: {
  resource: Resource<T>
  loading: string
  retry: () => void
  children: (data: T) => ReactNode
}) {
  switch (resource.status) {
    case 'loading':
      return <LoadingNotice>{loading}</LoadingNotice>
    case 'error':
      if (resource.error.status === 401) return <SignInPrompt />
      return <ProblemNotice message={resource.error.message} onRetry={retry} />
    case 'ready':
      return children(resource.data)
  }
}
