/** Where the group's video will be; the video service arrives in a later issue. */
export function VideoPlaceholder() {
  return (
    <section className="placeholder placeholder--video" aria-labelledby="video-heading">
      <h2 id="video-heading" className="visually-hidden">
        Video
      </h2>
      <p>Video will appear here.</p>
    </section>
  )
}

/** Where the shared workspace (worksheets, slides, whiteboard) will be. */
export function WorkspacePlaceholder() {
  return (
    <section className="placeholder" aria-labelledby="workspace-heading">
      <h2 id="workspace-heading" className="panel-heading">
        Workspace
      </h2>
      <p className="muted">
        Worksheets, slides and the whiteboard the facilitator shares will appear here.
      </p>
    </section>
  )
}
