import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import { MessageType, SyncMessageType } from '../../shared/sync/messageTypes.ts'

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state as JSON text; 'null' means the client left. */
  json: string
}

/** A client frame, decoded and validated. Nothing in it has touched a document yet. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array; isEmpty: boolean }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' }
  | { type: 'ack-request' }

export type ParseResult =
  { ok: true; message: ClientMessage } | { ok: false; code: CloseCode; reason: string }

export interface FrameLimits {
  maxUpdateBytes: number
  maxAwarenessBytes: number
}

const MAX_AWARENESS_ENTRIES = 64

const fail = (code: CloseCode, reason: string): ParseResult => ({ ok: false, code, reason })

/**
 * Decodes one frame under byte caps. `frame` must own its buffer: lib0 builds views on
 * `frame.buffer`, and a view into a pooled buffer could read neighbouring bytes.
 *
 * Updates are fully decoded here (`Y.decodeUpdate`) so that malformed ones are refused before
 * they reach the live document, where a half-applied update cannot be undone.
 */
export function parseFrame(frame: Uint8Array, limits: FrameLimits): ParseResult {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    let message: ClientMessage
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(decoder)
        const length = decoding.readVarUint(decoder)
        const cap = sub === SyncMessageType.step1 ? 64 * 1024 : limits.maxUpdateBytes
        if (length > cap) return fail(CloseCode.updateTooLarge, `sync payload over ${cap} bytes`)
        const payload = decoding.readUint8Array(decoder, length)
        if (sub === SyncMessageType.step1) {
          Y.decodeStateVector(payload)
          message = { type: 'sync-step1', stateVector: payload }
        } else if (sub === SyncMessageType.step2 || sub === SyncMessageType.update) {
          Y.decodeUpdate(payload)
          const isEmpty = payload.length === 2 && payload[0] === 0 && payload[1] === 0
          message = { type: 'sync-update', update: payload, isEmpty }
        } else {
          return fail(CloseCode.malformedFrame, 'unknown sync message')
        }
        break
      }
      case MessageType.awareness: {
        const length = decoding.readVarUint(decoder)
        if (length > limits.maxAwarenessBytes) {
          return fail(CloseCode.updateTooLarge, 'awareness update too large')
        }
        const inner = decoding.createDecoder(decoding.readUint8Array(decoder, length))
        const count = decoding.readVarUint(inner)
        if (count > MAX_AWARENESS_ENTRIES) return fail(CloseCode.malformedFrame, 'too many states')
        const entries: AwarenessEntry[] = []
        for (let i = 0; i < count; i++) {
          const clientId = decoding.readVarUint(inner)
          const clock = decoding.readVarUint(inner)
          const json = decoding.readVarString(inner)
          JSON.parse(json)
          entries.push({ clientId, clock, json })
        }
        if (decoding.hasContent(inner)) return fail(CloseCode.malformedFrame, 'trailing bytes')
        message = { type: 'awareness', entries }
        break
      }
      case MessageType.queryAwareness:
        message = { type: 'query-awareness' }
        break
      case MessageType.ackRequest:
        message = { type: 'ack-request' }
        break
      default:
        return fail(CloseCode.malformedFrame, 'unknown message type')
    }
    if (decoding.hasContent(decoder)) return fail(CloseCode.malformedFrame, 'trailing bytes')
    return { ok: true, message }
  } catch {
    return fail(CloseCode.malformedFrame, 'undecodable frame')
  }
}
