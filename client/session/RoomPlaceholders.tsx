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

/** Where the group's chat will be; it arrives in a later issue. */
export function ChatPlaceholder() {
  return (
    <section className="placeholder" aria-labelledby="chat-heading">
      <h2 id="chat-heading" className="panel-heading">
        Chat
      </h2>
      <p className="muted">The group chat will appear here.</p>
    </section>
  )
}
