import type { DocName } from '../../shared/documents/docName.ts'
import { isAccessScope } from '../sync/accessScope.ts'
import type { AccessEvent } from './Fanout.ts'

/** The first byte of a message between instances. */
const Kind = { update: 1, presence: 2, access: 3 } as const

/** Every message starts with the kind and the 16-byte id of the instance that sent it. */
const HEADER = 17

export type FanoutFrame =
  | { kind: 'update' | 'presence'; from: Uint8Array; doc: DocName; payload: Uint8Array }
  | { kind: 'access'; from: Uint8Array; event: AccessEvent }

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** kind, sender, then the document's name (length-prefixed, 2 bytes) and the payload. */
export function encodeDocFrame(
  kind: 'update' | 'presence',
  from: Uint8Array,
  doc: DocName,
  payload: Uint8Array,
): Buffer {
  const name = encoder.encode(doc)
  const frame = Buffer.allocUnsafe(HEADER + 2 + name.byteLength + payload.byteLength)
  frame[0] = Kind[kind]
  frame.set(from, 1)
  frame.writeUInt16BE(name.byteLength, HEADER)
  frame.set(name, HEADER + 2)
  frame.set(payload, HEADER + 2 + name.byteLength)
  return frame
}

export function encodeAccessFrame(from: Uint8Array, event: AccessEvent): Buffer {
  const json = encoder.encode(JSON.stringify(event))
  const frame = Buffer.allocUnsafe(HEADER + json.byteLength)
  frame[0] = Kind.access
  frame.set(from, 1)
  frame.set(json, HEADER)
  return frame
}

/**
 * Reads a message; null for anything malformed (Redis is shared infrastructure: a message
 * that is not ours is dropped, never trusted).
 */
export function decodeFanoutFrame(frame: Uint8Array): FanoutFrame | null {
  if (frame.byteLength < HEADER) return null
  const from = frame.subarray(1, HEADER)
  try {
    if (frame[0] === Kind.access) {
      const event = JSON.parse(decoder.decode(frame.subarray(HEADER))) as AccessEvent
      return isAccessEvent(event) ? { kind: 'access', from, event } : null
    }
    if (frame[0] !== Kind.update && frame[0] !== Kind.presence) return null
    if (frame.byteLength < HEADER + 2) return null
    const length = (frame[HEADER]! << 8) | frame[HEADER + 1]!
    if (frame.byteLength < HEADER + 2 + length) return null
    const doc = decoder.decode(frame.subarray(HEADER + 2, HEADER + 2 + length)) as DocName
    const payload = frame.subarray(HEADER + 2 + length)
    return { kind: frame[0] === Kind.update ? 'update' : 'presence', from, doc, payload }
  } catch {
    return null
  }
}

function isAccessEvent(value: unknown): value is AccessEvent {
  if (typeof value !== 'object' || value === null) return false
  const event = value as Record<string, unknown>
  if (event.kind === 'logins-ended') {
    return Array.isArray(event.loginHashes) && event.loginHashes.every((h) => typeof h === 'string')
  }
  const text = (key: string) => typeof event[key] === 'string'
  switch (event.kind) {
    case 'writer':
      return text('sessionId') && text('messageId') && text('memberId')
    case 'writer-forgotten':
      return text('sessionId') && text('messageId')
    case 'writers-of-member-forgotten':
      return text('memberId')
    case 'writers-of-session-forgotten':
      return text('sessionId')
  }
  if (event.kind === 'typing') {
    return (
      typeof event.chat === 'string' &&
      typeof event.person === 'string' &&
      (event.name === null || typeof event.name === 'string') &&
      typeof event.typing === 'boolean'
    )
  }
  if (event.kind === 'forgotten') {
    return Array.isArray(event.docs) && event.docs.every((d) => typeof d === 'string')
  }
  return event.kind === 'reauthorize' && isAccessScope(event.scope)
}
