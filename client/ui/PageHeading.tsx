import { useEffect, useRef, type ReactNode } from 'react'
import { takePendingFocus } from '../router/navigation.ts'

/**
 * The page's one `h1`. It names the browser tab, and takes the focus when the page was reached
 * by a navigation inside the app, as a full page load would put a screen reader at the top.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} · Hearth`
  }, [title])
  useEffect(() => {
    if (takePendingFocus()) ref.current?.focus()
  }, [])
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  )
}
