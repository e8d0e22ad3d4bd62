/**
 * A refusal that says when to come back: a full queue (503) or a rate limit (429). The app's
 * one error handler answers it with `Retry-After`; it is not logged as a failure.
 */
export class TryLater extends Error {
  readonly status: 429 | 503
  readonly retryAfterSeconds: number
  constructor(status: 429 | 503, message: string, retryAfterSeconds: number) {
    super(message)
    this.name = 'TryLater'
    this.status = status
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds))
  }
}
