import { useAnnouncement } from './announce.ts'

/** The page's polite live region; rendered once, in the shell, so it exists before it speaks. */
export function LiveAnnouncer() {
  const message = useAnnouncement()
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  )
}
