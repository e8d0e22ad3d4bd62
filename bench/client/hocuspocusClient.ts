import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { whenReady } from './whenReady.ts'

/**
 * Hocuspocus's client: a `HocuspocusProvider` with a socket of its own (each member is a
 * separate browser). Its "saved" signal is the unsynced-changes count: one per update sent,
 * minus one per SyncStatus the server returns after applying an update in memory. Replies come
 * in order, so a count of m leaves only the last m edits unconfirmed.
 */
export function hocuspocusClient(target: TargetInfo, docName: string): BenchClient {
  const doc = new Y.Doc()
  // Its own socket, through `ws` like the other clients (Node's built-in WebSocket otherwise).
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${target.port}`,
    WebSocketPolyfill: WebSocket,
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: docName,
    document: doc,
  })
  provider.attach()
  let inFlight: (() => void)[] = []
  const confirm = (unsynced: number) => {
    const done = inFlight.length - unsynced
    if (done <= 0) return
    for (let i = 0; i < done; i++) inFlight[i]!()
    inFlight = inFlight.slice(done)
  }
  provider.on('unsyncedChanges', ({ number }: { number: number }) => confirm(number))
  let disconnects = 0
  let hasSynced = false
  let destroyed = false
  provider.on('synced', () => (hasSynced = true))
  provider.on('disconnect', () => {
    if (!hasSynced || destroyed) return
    disconnects++
    inFlight = [] // a new socket starts its count again
  })
  return {
    doc,
    text: doc.getText('t'),
    get disconnects() {
      return disconnects
    },
    synced: () =>
      whenReady(
        () => provider.isSynced,
        (wake) => {
          provider.on('synced', wake)
          return () => provider.off('synced', wake)
        },
      ),
    track: (onSaved) => inFlight.push(onSaved),
    saved: () =>
      whenReady(
        () => !provider.hasUnsyncedChanges && inFlight.length === 0,
        (wake) => {
          provider.on('unsyncedChanges', wake)
          return () => provider.off('unsyncedChanges', wake)
        },
      ),
    destroy: () => {
      destroyed = true
      provider.destroy()
      socket.destroy()
      doc.destroy()
    },
  }
}
