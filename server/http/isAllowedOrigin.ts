const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Whether a browser at `origin` may open sync sockets on a server listening on `port`. */
export function isAllowedOrigin(
  origin: string,
  port: number | undefined,
  allowed: ReadonlySet<string>,
  allowLoopback: boolean,
): boolean {
  if (allowed.has(origin)) return true
  if (!allowLoopback) return false
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) && Number(url.port) === port
  } catch {
    return false
  }
}
