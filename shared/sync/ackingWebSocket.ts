import { decodeAck, encodeAckRequest, isUpdateFrame } from './ackMessages.ts'
import { MessageType } from './messageTypes.ts'

/** Counts, for the current socket, the update frames sent and those the server made durable. */
export interface AckCounter {
  /** A new socket was opened: counting starts again at zero. */
  reset(): void
  sent(): void
  acked(count: number): void
  /** The server answered an update with permission-denied: this connection is read-only. */
  refused(): void
  /** The server could not store the latest updates; an ack clears it once it can. */
  notSaved(): void
}

type Data = string | ArrayBufferLike | Blob | ArrayBufferView

/** The slice of the WebSocket API the y-websocket provider uses. */
interface WebSocketLike {
  onmessage: ((event: MessageEvent) => void) | null
  send(data: Data): void
  addEventListener(type: 'open', listener: () => void): void
}

type WebSocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocketLike

/**
 * Wraps a WebSocket class for `WebsocketProvider`'s `WebSocketPolyfill` option: opts in to
 * durable acknowledgements when the socket opens, counts outgoing update frames, and takes ack
 * frames out of the stream so the stock provider never sees a message type it does not know.
 * Permission-denied frames are reported and passed on.
 */
export function ackingWebSocket<T extends WebSocketClass>(Base: T, counter: AckCounter): T {
  // @ts-expect-error: a mixin over a constructor type; TypeScript cannot type the super call.
  return class AckingWebSocket extends Base {
    #onmessage: ((event: MessageEvent) => void) | null = null

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      counter.reset()
      this.addEventListener('open', () => super.send(encodeAckRequest()))
      super.onmessage = (event: MessageEvent) => {
        const data = event.data
        if (data instanceof ArrayBuffer) {
          const frame = new Uint8Array(data)
          const count = frame[0] === MessageType.ack ? decodeAck(frame) : null
          if (count !== null) return counter.acked(count)
          if (frame[0] === MessageType.notSaved) return counter.notSaved()
          if (frame[0] === MessageType.auth) counter.refused()
        }
        this.#onmessage?.(event)
      }
    }

    override get onmessage() {
      return this.#onmessage
    }

    override set onmessage(handler) {
      this.#onmessage = handler
    }

    override send(data: Data): void {
      if (data instanceof Uint8Array && isUpdateFrame(data)) counter.sent()
      super.send(data)
    }
  }
}
