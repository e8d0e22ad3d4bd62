/**
 * Message types of the y-websocket wire protocol, plus Hearth's one opt-in extension.
 *
 * The first four are what every stock `y-websocket` client speaks. `ackRequest`/`ack` are sent
 * only to a client that asked for them: the stock client logs an error for a type it does not
 * know, so the server never volunteers one.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Client → server, once: "tell me how many of my updates are durable". */
  ackRequest: 100,
  /** Server → client: varuint count of this connection's update messages now durable. */
  ack: 101,
  /**
   * Server → client: the server could not store this connection's latest updates (disk full,
   * read-only disk). Peers may have them live; the server keeps retrying, and an `ack` follows
   * once they are stored.
   */
  notSaved: 102,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Sub-types inside a `sync` message (y-protocols/sync). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const

/** Sub-type inside an `auth` message (y-protocols/auth). */
export const AuthMessageType = {
  permissionDenied: 0,
} as const
