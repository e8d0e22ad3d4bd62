import type { Socket } from 'node:net'
import { WebSocket } from 'ws'
import type { Transport } from './SyncConnection.ts'

/**
 * The last payload framed and its frame. A relayed update is one payload sent to every member
 * of a room in one loop, so remembering one is enough for the frame to be built once and the
 * same bytes to go to each socket (a WeakMap cost more in garbage collection than it saved).
 */
let last: { payload: Uint8Array; frame: Buffer } | null = null
/**
 * Large payloads (a document's full state, sent to every joiner between other frames) keep
 * their frame for as long as they live, so that a join storm copies the state once, not per
 * joiner.
 */
const large = new WeakMap<Uint8Array, Buffer>()
const LARGE = 16 * 1024

/** A WebSocket frame (FIN, binary, unmasked as servers send) around `payload`, in one buffer. */
export function wireFrame(payload: Uint8Array): Buffer {
  if (last?.payload === payload) return last.frame
  const length = payload.byteLength
  const kept = length >= LARGE ? large.get(payload) : undefined
  if (kept) return kept
  const frame = framed(payload)
  last = { payload, frame }
  if (length >= LARGE) large.set(payload, frame)
  return frame
}

/**
 * The same frame, not remembered: for a frame meant for one socket only (an acknowledgement),
 * which must not push out of the cache the relayed update the next member is sent.
 */
export function framed(payload: Uint8Array): Buffer {
  const { frame, at } = emptyFrame(payload.byteLength)
  frame.set(payload, at)
  return frame
}

/** A frame of `length` payload bytes with its header written; the payload starts at `at`. */
function emptyFrame(length: number): { frame: Buffer; at: number } {
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const frame = Buffer.allocUnsafe(header + length)
  frame[0] = 0x82
  if (header === 2) {
    frame[1] = length
  } else if (header === 4) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2)
    frame.writeUInt32BE(length >>> 0, 6)
  }
  return { frame, at: header }
}

/**
 * The last payload framed for channels, and its frame per channel number. Members who opened
 * a room's documents in the same order hold them on the same channel numbers, so a relayed
 * update is framed once per distinct channel number, not once per member.
 */
let lastOnChannels: { payload: Uint8Array; frames: Map<number, Buffer> } | null = null

/** A frame carrying `payload` on a multiplexed channel (varuint channel, then the payload). */
export function channelWireFrame(channel: number, payload: Uint8Array): Buffer {
  if (lastOnChannels?.payload !== payload) lastOnChannels = { payload, frames: new Map() }
  let frame = lastOnChannels.frames.get(channel)
  if (!frame) {
    frame = buildChannelFrame(channel, payload)
    lastOnChannels.frames.set(channel, frame)
  }
  return frame
}

/** The same frame, not remembered (see `framed`). */
export function buildChannelFrame(channel: number, payload: Uint8Array): Buffer {
  const prefix = channel < 0x80 ? 1 : channel < 0x4000 ? 2 : channel < 0x200000 ? 3 : 4
  const sized = channel >= 0x10000000 ? 5 : prefix
  const { frame, at } = emptyFrame(sized + payload.byteLength)
  let n = channel
  let i = at
  while (n >= 0x80) {
    frame[i++] = (n & 0x7f) | 0x80
    n = Math.floor(n / 128)
  }
  frame[i++] = n
  frame.set(payload, i)
  return frame
}

/**
 * Writes prebuilt frames straight to the TCP socket under `ws` (see wsTransport). Given two,
 * it writes them in one system call (cork, writev, uncork).
 */
export function frameWriter(ws: WebSocket): (frame: Buffer, next?: Buffer) => void {
  const socket = (ws as unknown as { _socket?: Socket })._socket
  if (socket && typeof socket.write === 'function') {
    return (frame, next) => {
      if (ws.readyState !== WebSocket.OPEN) return
      if (!next) return void socket.write(frame)
      socket.cork()
      socket.write(frame)
      socket.write(next)
      socket.uncork()
    }
  }
  // Without the socket, `ws.send` frames the payload itself: strip our header back off.
  const unframed = (frame: Buffer) =>
    ws.send(frame.subarray(frame[1]! < 126 ? 2 : frame[1] === 126 ? 4 : 10))
  return (frame, next) => {
    unframed(frame)
    if (next) unframed(next)
  }
}

/**
 * The transport of one accepted `ws` socket. Frames are written to the TCP socket directly,
 * one `write` of one prebuilt buffer each: `ws.send` builds a header per call and writes header
 * and payload as two chunks (cork, writev, uncork), which was a fifth of the server's CPU under
 * the group benchmark. Order with `ws`'s own frames (ping, close) is kept because its sender
 * queues only while compressing or reading a Blob, and neither is ever used here
 * (`perMessageDeflate: false`, only buffers sent). If `ws` ever stops exposing its socket,
 * this falls back to `ws.send`.
 */
export function wsTransport(ws: WebSocket): Transport {
  const write = frameWriter(ws)
  // What waits to be written is what waits in the TCP socket (everything goes there directly);
  // read from it, not through `ws.bufferedAmount`'s getters, since it is asked before each send.
  const socket = (ws as unknown as { _socket?: Socket })._socket
  return {
    send: (payload) => write(wireFrame(payload)),
    sendWith: (own, payload) => write(framed(own), wireFrame(payload)),
    close: (code, reason) => {
      ws.close(code, reason)
      // A reader that stopped reading never answers the close: free its buffer soon, not after
      // the 30 s `ws` would wait.
      setTimeout(() => ws.terminate(), 5_000).unref()
    },
    get bufferedAmount() {
      return socket ? socket.writableLength : ws.bufferedAmount
    },
  }
}
