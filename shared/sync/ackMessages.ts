import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType } from './messageTypes.ts'

/** The frame a client sends once to opt in to durable acknowledgements. */
export function encodeAckRequest(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.ackRequest)
  return encoding.toUint8Array(encoder)
}

/** The server's acknowledgement: `count` update messages of this connection are durable. */
export function encodeAck(count: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.ack)
  encoding.writeVarUint(encoder, count)
  return encoding.toUint8Array(encoder)
}

/** The server's word that this connection's latest updates are not stored yet (see MessageType). */
export function encodeNotSaved(): Uint8Array {
  return Uint8Array.of(MessageType.notSaved)
}

/** Reads the count from an `ack` frame, or returns null when the frame is something else. */
export function decodeAck(frame: Uint8Array): number | null {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.ack) return null
    return decoding.readVarUint(decoder)
  } catch {
    return null
  }
}

/**
 * Whether an outgoing client frame carries a document update (sync step 2 or update), which
 * is what the server counts and acknowledges.
 */
export function isUpdateFrame(frame: Uint8Array): boolean {
  return frame.length >= 2 && frame[0] === MessageType.sync && (frame[1] === 1 || frame[1] === 2)
}
