/** Something is on its way; said politely, with a quiet spinner that stops for reduced motion. */
export function LoadingNotice({ children = 'Loading…' }: { children?: string }) {
  return (
    <p className="notice notice--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  )
}
