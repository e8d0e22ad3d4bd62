import { randomBytes } from 'node:crypto'
import type { DocName } from '../../shared/documents/docName.ts'
import type { AccessEvent, Fanout, FanoutHandlers } from './Fanout.ts'

/**
 * Instances in one process (tests, or the one instance of a single-process deployment), each
 * joined by `fanout(handlers)`. Messages are delivered on a later tick, as from Redis, so that
 * no caller depends on a relay happening inside its own call.
 */
export class FanoutHub {
  readonly #members = new Set<InProcessFanout>()

  fanout(handlers: FanoutHandlers): Fanout {
    const member = new InProcessFanout(this.#members, handlers)
    this.#members.add(member)
    return member
  }
}

class InProcessFanout implements Fanout {
  readonly id = randomBytes(16)
  readonly #members: Set<InProcessFanout>
  readonly #handlers: FanoutHandlers
  readonly #followed = new Set<DocName>()

  constructor(members: Set<InProcessFanout>, handlers: FanoutHandlers) {
    this.#members = members
    this.#handlers = handlers
  }

  async follow(doc: DocName): Promise<void> {
    this.#followed.add(doc)
  }

  async unfollow(doc: DocName): Promise<void> {
    this.#followed.delete(doc)
  }

  publishUpdate(doc: DocName, update: Uint8Array): void {
    const copy = update.slice()
    this.#toOthers((m) => m.#followed.has(doc) && m.#handlers.update(doc, copy))
  }

  publishPresence(doc: DocName, frame: Uint8Array): void {
    const copy = frame.slice()
    this.#toOthers((m) => m.#followed.has(doc) && m.#handlers.presence(doc, copy))
  }

  publishAccess(event: AccessEvent): void {
    const copy = structuredClone(event)
    this.#toOthers((m) => m.#handlers.access(copy))
  }

  async close(): Promise<void> {
    this.#members.delete(this)
  }

  #toOthers(deliver: (member: InProcessFanout) => unknown): void {
    const others = [...this.#members].filter((m) => m !== this)
    if (others.length === 0) return
    setImmediate(() => {
      for (const member of others) if (this.#members.has(member)) deliver(member)
    })
  }
}
