import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * Hearth's multiplexed socket (`/mux`): many documents over one WebSocket. Every binary frame
 * starts with a varuint channel number. Channel 0 carries control messages; on any other
 * channel the rest of the frame is exactly one y-websocket message for the document opened on
 * that channel (sync, awareness, auth, and the opt-in acknowledgements 100–102).
 * The full description, for writers of other clients: docs/SYNC-PROTOCOL.md.
 */
export const MUX_PATH = '/mux'

/** Control operations on channel 0. */
export const MuxOp = {
  /** Client → server: open `doc` on `channel` (a number > 0 the client has not used yet). */
  open: 0,
  /** Client → server: the client is done with `channel`. */
  close: 1,
  /** Server → client: `channel` is open; y-websocket messages may flow. */
  opened: 2,
  /**
   * Server → client: `channel` is closed, with a close code and reason as a WebSocket would
   * give them (4400–4499: do not retry; other codes: reopen after a backoff).
   */
  closed: 3,
} as const

export type MuxControl =
  | { op: 'open'; channel: number; doc: string }
  | { op: 'close'; channel: number }
  | { op: 'opened'; channel: number }
  | { op: 'closed'; channel: number; code: number; reason: string }

/** Channels are numbered 1 … 2^31 − 1. */
export const MAX_CHANNEL = 2 ** 31 - 1

export function encodeControl(message: MuxControl): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, MuxOp[message.op])
  encoding.writeVarUint(encoder, message.channel)
  if (message.op === 'open') encoding.writeVarString(encoder, message.doc)
  if (message.op === 'closed') {
    encoding.writeVarUint(encoder, message.code)
    encoding.writeVarString(encoder, message.reason)
  }
  return encoding.toUint8Array(encoder)
}

/** `payload` (one y-websocket message) framed for `channel`, in one new buffer. */
export function encodeChannelFrame(channel: number, payload: Uint8Array): Uint8Array {
  const head = channel < 0x80 ? 1 : channel < 0x4000 ? 2 : channel < 0x200000 ? 3 : 5
  const frame = new Uint8Array(head + payload.byteLength)
  let n = channel
  let i = 0
  while (n >= 0x80) {
    frame[i++] = (n & 0x7f) | 0x80
    n = Math.floor(n / 128)
  }
  frame[i++] = n
  frame.set(payload, i)
  return i === head ? frame : frame.subarray(0, i + payload.byteLength)
}

export type MuxFrame =
  | { kind: 'control'; message: MuxControl }
  | { kind: 'data'; channel: number; payload: Uint8Array }
  | { kind: 'bad'; reason: string }

const OPS = new Map<number, MuxControl['op']>(
  Object.entries(MuxOp).map(([name, op]) => [op, name as MuxControl['op']]),
)

/** Reads one frame; never throws. A data payload is a view into `frame`. */
export function decodeMuxFrame(frame: Uint8Array): MuxFrame {
  try {
    const decoder = decoding.createDecoder(frame)
    const channel = decoding.readVarUint(decoder)
    if (channel > MAX_CHANNEL) return { kind: 'bad', reason: 'channel out of range' }
    if (channel !== 0) {
      return { kind: 'data', channel, payload: frame.subarray(decoder.pos) }
    }
    const op = OPS.get(decoding.readVarUint(decoder))
    const target = decoding.readVarUint(decoder)
    if (!op) return { kind: 'bad', reason: 'unknown control operation' }
    if (target < 1 || target > MAX_CHANNEL) return { kind: 'bad', reason: 'channel out of range' }
    let message: MuxControl
    if (op === 'open') message = { op, channel: target, doc: decoding.readVarString(decoder) }
    else if (op === 'closed') {
      const code = decoding.readVarUint(decoder)
      message = { op, channel: target, code, reason: decoding.readVarString(decoder) }
    } else message = { op, channel: target }
    if (decoding.hasContent(decoder)) return { kind: 'bad', reason: 'trailing bytes' }
    return { kind: 'control', message }
  } catch {
    return { kind: 'bad', reason: 'truncated frame' }
  }
}
