import * as encoding from 'lib0/encoding'
import { AuthMessageType, MessageType, SyncMessageType } from '../../shared/sync/messageTypes.ts'
import type { AwarenessEntry } from './parseFrame.ts'

/** Frames the server sends. Each is encoded once and may be sent to many sockets. */

export function encodeSyncFrame(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, sub)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeStep1 = (stateVector: Uint8Array) =>
  encodeSyncFrame(SyncMessageType.step1, stateVector)
export const encodeStep2 = (update: Uint8Array) => encodeSyncFrame(SyncMessageType.step2, update)
export const encodeUpdate = (update: Uint8Array) => encodeSyncFrame(SyncMessageType.update, update)

export function encodeAwarenessFrame(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries]
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, list.length)
  for (const { clientId, clock, json } of list) {
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, json)
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.auth)
  encoding.writeVarUint(encoder, AuthMessageType.permissionDenied)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}
