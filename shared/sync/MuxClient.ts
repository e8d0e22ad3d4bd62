import { decodeMuxFrame, encodeChannelFrame, encodeControl, type MuxControl } from './muxFrames.ts'

/** The slice of the WebSocket class the multiplexer needs (the browser's, Node's, or `ws`). */
export interface SocketLike {
  binaryType: string
  readonly readyState: number
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: { code: number; reason: string }) => void) | null
  onerror: ((event: unknown) => void) | null
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
}
export type SocketClass = new (url: string, protocols?: string | string[]) => SocketLike

const OPEN = 1
const CLOSED = 3
/** How long the socket stays open after its last channel closed (a page change reopens one). */
const LINGER_MS = 3_000
/** The close code a channel reports when the socket under it went away without one. */
const ABNORMAL = 1006

type CloseInfo = { code: number; reason: string; wasClean: boolean }
type Listener = (event: unknown) => void

/**
 * Many documents over one WebSocket (`/mux`, docs/SYNC-PROTOCOL.md), for stock y-websocket
 * providers: `channelClass` goes in the provider's `WebSocketPolyfill` option and every
 * provider made with it becomes a channel of this one socket. The socket opens with the first
 * channel and closes a moment after the last; when it drops, every channel reports the close
 * and each provider reconnects as it would have on its own socket.
 */
export class MuxClient {
  readonly #url: string
  readonly #protocols: string[]
  readonly #Socket: SocketClass
  #socket: SocketLike | null = null
  #nextChannel = 1
  readonly #channels = new Map<number, MuxChannel>()
  /** Channels waiting for the socket to open before they can ask for their document. */
  readonly #waiting = new Set<MuxChannel>()
  #linger: ReturnType<typeof setTimeout> | null = null
  /** Real sockets opened so far (for tests and the status line). */
  socketsOpened = 0

  constructor(url: string, protocols: string[] = [], Socket?: SocketClass) {
    this.#url = url
    this.#protocols = protocols
    this.#Socket = Socket ?? (globalThis.WebSocket as unknown as SocketClass)
  }

  /**
   * A WebSocket class whose instances are channels of this socket. Give the provider this
   * socket's URL as its server URL: it builds `<url>/<document>`, and the rest after `<url>/`
   * is the document's name.
   */
  get channelClass(): typeof WebSocket {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const mux = this
    return class extends MuxChannel {
      constructor(url: string | URL) {
        super(mux, String(url))
      }
    } as unknown as typeof WebSocket
  }

  /** The socket's URL, which is also the server URL to give providers. */
  get url(): string {
    return this.#url
  }

  /** Open channels, and channels waiting to open. */
  get channelCount(): number {
    return this.#channels.size + this.#waiting.size
  }

  /** @internal The document a channel's URL names. */
  docOf(url: string): string {
    const rest = url.startsWith(`${this.#url}/`) ? url.slice(this.#url.length + 1) : url
    return decodeURIComponent(rest.split('?')[0]!)
  }

  /** @internal A new channel asks for its document. */
  attach(channel: MuxChannel): void {
    if (this.#linger) clearTimeout(this.#linger)
    this.#linger = null
    const socket = this.#ensureSocket()
    if (socket.readyState === OPEN) this.#request(channel)
    else this.#waiting.add(channel)
  }

  /** @internal The provider closed its channel. */
  detach(channel: MuxChannel): void {
    this.#waiting.delete(channel)
    if (channel.number !== 0 && this.#channels.get(channel.number) === channel) {
      this.#channels.delete(channel.number)
      if (this.#socket?.readyState === OPEN) {
        this.#socket.send(encodeControl({ op: 'close', channel: channel.number }))
      }
    }
    if (this.channelCount === 0 && this.#socket && !this.#linger) {
      this.#linger = setTimeout(() => {
        this.#linger = null
        if (this.channelCount === 0) this.#closeSocket(1000, 'no documents open')
      }, LINGER_MS)
    }
  }

  /** @internal */
  sendOn(channel: MuxChannel, payload: Uint8Array): void {
    this.#socket?.send(encodeChannelFrame(channel.number, payload))
  }

  /** Closes the socket and every channel on it. */
  destroy(): void {
    if (this.#linger) clearTimeout(this.#linger)
    this.#linger = null
    this.#closeSocket(1000, 'closed by the page')
  }

  #request(channel: MuxChannel): void {
    channel.number = this.#nextChannel++
    this.#channels.set(channel.number, channel)
    this.#socket!.send(encodeControl({ op: 'open', channel: channel.number, doc: channel.doc }))
  }

  #ensureSocket(): SocketLike {
    if (this.#socket && this.#socket.readyState <= OPEN) return this.#socket
    const socket = new this.#Socket(this.#url, this.#protocols)
    this.#socket = socket
    this.#nextChannel = 1
    this.socketsOpened++
    socket.binaryType = 'arraybuffer'
    socket.onopen = () => {
      const waiting = [...this.#waiting]
      this.#waiting.clear()
      for (const channel of waiting) this.#request(channel)
    }
    socket.onmessage = (event) => {
      if (event.data instanceof ArrayBuffer) this.#receive(new Uint8Array(event.data))
    }
    socket.onclose = (event) => this.#dropped(socket, event.code, event.reason)
    socket.onerror = () => {}
    return socket
  }

  #receive(frame: Uint8Array): void {
    const decoded = decodeMuxFrame(frame)
    if (decoded.kind === 'data') {
      return this.#channels.get(decoded.channel)?.deliver(decoded.payload)
    }
    if (decoded.kind === 'control') this.#control(decoded.message)
  }

  #control(message: MuxControl): void {
    const channel = this.#channels.get(message.channel)
    if (!channel) return
    if (message.op === 'opened') channel.opened()
    if (message.op === 'closed') {
      this.#channels.delete(message.channel)
      channel.ended({ code: message.code, reason: message.reason, wasClean: true })
    }
  }

  #closeSocket(code: number, reason: string): void {
    const socket = this.#socket
    if (!socket) return
    socket.close(code, reason)
    this.#dropped(socket, ABNORMAL, reason)
  }

  /** The socket is gone: every channel on it ends with the socket's close code. */
  #dropped(socket: SocketLike, code: number, reason: string): void {
    if (this.#socket !== socket) return
    this.#socket = null
    socket.onopen = socket.onmessage = socket.onclose = null
    const ended = [...this.#channels.values(), ...this.#waiting]
    this.#channels.clear()
    this.#waiting.clear()
    for (const channel of ended) channel.ended({ code, reason, wasClean: code !== ABNORMAL })
  }
}

/**
 * One document's channel, shaped like a WebSocket for y-websocket's provider (and for
 * `ackingWebSocket`, which extends it: the `on*` handlers are accessors on the prototype, as in
 * the browser, so a subclass may intercept them).
 */
export class MuxChannel {
  readonly CONNECTING = 0
  readonly OPEN = OPEN
  readonly CLOSING = 2
  readonly CLOSED = CLOSED
  readonly doc: string
  readonly url: string
  binaryType = 'arraybuffer'
  readyState = 0
  readonly protocol = ''
  readonly bufferedAmount = 0
  /** The channel number the socket gave it (0 until requested). */
  number = 0
  readonly #mux: MuxClient
  readonly #handlers = new Map<string, Listener | null>()
  readonly #listeners = new Map<string, Set<Listener>>()

  constructor(mux: MuxClient, url: string) {
    this.#mux = mux
    this.url = url
    this.doc = mux.docOf(url)
    mux.attach(this)
  }

  get onopen() {
    return this.#handlers.get('open') ?? null
  }
  set onopen(handler) {
    this.#handlers.set('open', handler)
  }
  get onmessage() {
    return this.#handlers.get('message') ?? null
  }
  set onmessage(handler) {
    this.#handlers.set('message', handler)
  }
  get onclose() {
    return this.#handlers.get('close') ?? null
  }
  set onclose(handler) {
    this.#handlers.set('close', handler)
  }
  get onerror() {
    return this.#handlers.get('error') ?? null
  }
  set onerror(handler) {
    this.#handlers.set('error', handler)
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.#listeners.get(type)
    if (!set) this.#listeners.set(type, (set = new Set()))
    set.add(listener)
  }

  removeEventListener(type: string, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener)
  }

  send(data: Uint8Array | ArrayBuffer): void {
    if (this.readyState !== OPEN) {
      if (this.readyState === 0) throw new Error('InvalidStateError: channel still connecting')
      return
    }
    this.#mux.sendOn(this, data instanceof ArrayBuffer ? new Uint8Array(data) : data)
  }

  close(): void {
    if (this.readyState >= 2) return
    this.readyState = CLOSED
    this.#mux.detach(this)
    queueMicrotask(() => this.#emit('close', { code: 1000, reason: '', wasClean: true }))
  }

  /** @internal */
  opened(): void {
    if (this.readyState !== 0) return
    this.readyState = OPEN
    this.#emit('open', { type: 'open' })
  }

  /** @internal A payload is copied into its own ArrayBuffer, as a socket would deliver it. */
  deliver(payload: Uint8Array): void {
    if (this.readyState !== OPEN) return
    this.#emit('message', { data: payload.slice().buffer })
  }

  /** @internal */
  ended(info: CloseInfo): void {
    if (this.readyState === CLOSED) return
    this.readyState = CLOSED
    this.#emit('close', info)
  }

  #emit(type: string, event: unknown): void {
    for (const listener of [...(this.#listeners.get(type) ?? [])]) listener(event)
    this.#handlers.get(type)?.call(this, event)
  }
}
