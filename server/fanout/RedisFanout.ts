import { randomBytes } from 'node:crypto'
import type { Redis, RedisOptions } from 'ioredis'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Logger } from '../log/logger.ts'
import type { AccessEvent, Fanout, FanoutHandlers } from './Fanout.ts'
import { decodeFanoutFrame, encodeAccessFrame, encodeDocFrame } from './fanoutFrames.ts'

const ACCESS_CHANNEL = 'hearth:access'
const docChannel = (doc: DocName) => `hearth:doc:${doc}`

/**
 * The `Fanout` over Redis pub/sub: one channel per open document, one for access changes.
 * Two connections, since a subscribing one can do nothing else. Redis keeps nothing: a message
 * published while an instance is cut off is lost to it, so when its subscriber comes back the
 * instance is told to read every open document again from the store (`resync`).
 */
export class RedisFanout implements Fanout {
  readonly id = randomBytes(16)
  readonly #pub: Redis
  readonly #sub: Redis
  readonly #handlers: FanoutHandlers
  readonly #log: Logger
  /** Set once the subscriber has been ready; a later ready is a reconnection. */
  #wasReady = false
  #closed = false

  private constructor(pub: Redis, sub: Redis, handlers: FanoutHandlers, log: Logger) {
    this.#pub = pub
    this.#sub = sub
    this.#handlers = handlers
    this.#log = log
    sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.#receive(message))
    sub.on('ready', () => {
      if (this.#wasReady && !this.#closed) {
        this.#log.warn('redis is back; reading open documents again from the store')
        this.#handlers.resync()
      }
      this.#wasReady = true
    })
    for (const connection of [pub, sub]) {
      // ioredis reconnects by itself; an error event without a listener would crash the process.
      connection.on('error', (error: Error) =>
        this.#log.warn({ err: error.message }, 'redis connection error'),
      )
    }
  }

  /** Connects both connections and subscribes to access changes before resolving. */
  static async connect(
    url: string,
    handlers: FanoutHandlers,
    log: Logger,
    options: RedisOptions = {},
  ): Promise<RedisFanout> {
    const { Redis } = await import('ioredis')
    const settings: RedisOptions = {
      // Publishing while Redis is away waits for it (bounded), instead of failing at once.
      maxRetriesPerRequest: 3,
      retryStrategy: (times) => Math.min(50 * times, 1_000),
      ...options,
    }
    const pub = new Redis(url, settings)
    const sub = new Redis(url, settings)
    const fanout = new RedisFanout(pub, sub, handlers, log)
    await sub.subscribe(ACCESS_CHANNEL)
    return fanout
  }

  async follow(doc: DocName): Promise<void> {
    await this.#sub.subscribe(docChannel(doc))
  }

  async unfollow(doc: DocName): Promise<void> {
    if (!this.#closed) await this.#sub.unsubscribe(docChannel(doc))
  }

  publishUpdate(doc: DocName, update: Uint8Array): void {
    this.#publish(docChannel(doc), encodeDocFrame('update', this.id, doc, update))
  }

  publishPresence(doc: DocName, frame: Uint8Array): void {
    this.#publish(docChannel(doc), encodeDocFrame('presence', this.id, doc, frame))
  }

  publishAccess(event: AccessEvent): void {
    this.#publish(ACCESS_CHANNEL, encodeAccessFrame(this.id, event))
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await Promise.all([this.#pub.quit(), this.#sub.quit()].map((p) => p.catch(() => {})))
  }

  #publish(channel: string, frame: Buffer): void {
    if (this.#closed) return
    // A lost message is made good by the store: the update is stored by its own instance, and
    // the others read it again when Redis comes back (resync).
    this.#pub.publish(channel, frame).catch((error: Error) => {
      this.#log.warn({ err: error.message }, 'redis publish failed')
    })
  }

  #receive(message: Buffer): void {
    const frame = decodeFanoutFrame(message)
    if (!frame) {
      this.#log.warn({ bytes: message.byteLength }, 'malformed message from redis dropped')
      return
    }
    if (Buffer.compare(frame.from, this.id) === 0) return
    if (frame.kind === 'access') return this.#handlers.access(frame.event)
    // Redis may reuse its buffer for the next message: the payload is copied before use.
    const payload = frame.payload.slice()
    if (frame.kind === 'update') this.#handlers.update(frame.doc, payload)
    else this.#handlers.presence(frame.doc, payload)
  }
}
