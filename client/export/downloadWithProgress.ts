import { ApiError, UNEXPECTED, UNREACHABLE } from '../api/ApiError.ts'
import { apiErrorOf } from '../api/apiRequest.ts'

/**
 * Fetches a file, reporting how much has arrived (0..1, or null while the server is still
 * building it or did not say its length), then hands it to the browser as a download.
 */
export async function downloadWithProgress(
  path: string,
  fallbackName: string,
  onProgress: (fraction: number | null) => void,
  signal?: AbortSignal,
): Promise<void> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin', ...(signal ? { signal } : {}) })
  } catch {
    throw new ApiError(0, UNREACHABLE)
  }
  if (!response.ok) throw await apiErrorOf(response)
  if (!response.body) throw new ApiError(0, UNEXPECTED)
  const total = Number(response.headers.get('content-length')) || 0
  const reader = response.body.getReader()
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.byteLength
    onProgress(total > 0 ? Math.min(1, received / total) : null)
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    fallbackName
  const url = URL.createObjectURL(
    new Blob(chunks, { type: response.headers.get('content-type') ?? '' }),
  )
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser a moment to start saving before the bytes are released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
