import { WebSocket } from 'ws'
import { encodeAckRequest } from '../../shared/sync/ackMessages.ts'

export interface RawSocket {
  ws: WebSocket
  frames: Uint8Array[]
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>
  /** Resolves with the first received frame matching `match`. */
  next(match: (frame: Uint8Array) => boolean, ms?: number): Promise<Uint8Array>
}

/**
 * A hand-driven WebSocket for attacker and protocol tests: it sends exactly the bytes it is
 * given. Resolves once open; rejects with the HTTP status if the upgrade is refused.
 */
export function openRawSocket(
  wsUrl: string,
  doc: string,
  token: string | null,
  { acks = true, origin, cookie }: { acks?: boolean; origin?: string; cookie?: string } = {},
): Promise<RawSocket> {
  const protocols = token ? ['hearth', `auth.${token}`] : ['hearth']
  const ws = new WebSocket(`${wsUrl}/${doc}`, protocols, {
    ...(origin ? { origin } : {}),
    ...(cookie ? { headers: { cookie } } : {}),
  })
  const frames: Uint8Array[] = []
  const waiters = new Set<(frame: Uint8Array) => void>()
  ws.binaryType = 'nodebuffer'
  ws.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data)
    frames.push(frame)
    for (const w of waiters) w(frame)
  })
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
    ws.once('open', () => {
      if (acks) ws.send(encodeAckRequest())
      resolve({
        ws,
        frames,
        closed,
        next: (match, ms = 5000) =>
          new Promise((res, rej) => {
            const found = frames.find(match)
            if (found) return res(found)
            const timer = setTimeout(() => {
              waiters.delete(waiter)
              rej(new Error('no matching frame'))
            }, ms)
            const waiter = (frame: Uint8Array) => {
              if (!match(frame)) return
              clearTimeout(timer)
              waiters.delete(waiter)
              res(frame)
            }
            waiters.add(waiter)
          }),
      })
    })
  })
}
