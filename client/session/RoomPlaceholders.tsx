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
