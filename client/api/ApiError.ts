/** A request that did not succeed, with a message written for the person using the page. */
export class ApiError extends Error {
  /** The HTTP status, or 0 when the server could not be reached or its answer was not understood. */
  readonly status: number
  /** The server's id for the request, to quote when asking for help. */
  readonly requestId: string | null

  constructor(status: number, message: string, requestId: string | null = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.requestId = requestId
  }
}

export const UNREACHABLE =
  'Hearth could not be reached. Check your internet connection, then try again.'
export const UNEXPECTED = 'Hearth sent an answer this page did not expect. Please reload the page.'
const SERVER_FAULT = 'Something went wrong on our side. Please try again in a moment.'

/**
 * What to tell the person about a failed request. The server writes its messages for people,
 * but a few short internal ones are reworded here.
 */
export function friendlyMessage(status: number, serverMessage: string | undefined): string {
  if (status >= 500 || !serverMessage) {
    return status === 401 ? 'Please sign in to continue.' : SERVER_FAULT
  }
  if (serverMessage === 'please sign in') return 'Please sign in to continue.'
  if (serverMessage === 'not allowed') return 'You do not have access to this.'
  if (serverMessage.startsWith('invalid: ')) {
    const fields = serverMessage.slice('invalid: '.length)
    return `Some details were not accepted (${fields}). Please check them and try again.`
  }
  return serverMessage.charAt(0).toUpperCase() + serverMessage.slice(1)
}

/** Any thrown value as an ApiError, so pages have one kind of failure to show. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, UNEXPECTED)
}
