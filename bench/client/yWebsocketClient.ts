import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { whenReady } from './whenReady.ts'

const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket

/** The reference server's client: the stock `y-websocket` provider, unmodified. */
export function yWebsocketClient(target: TargetInfo, docName: string): BenchClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${target.port}`, docName, doc, {
    WebSocketPolyfill: NodeWebSocket as never,
    disableBc: true,
  })
  let disconnects = 0
  let hasSynced = false
  let destroyed = false
  provider.on('sync', (state) => (hasSynced ||= state))
  provider.on('status', ({ status }) => {
    if (status === 'disconnected' && hasSynced && !destroyed) disconnects++
  })
  return {
    doc,
    text: doc.getText('t'),
    get disconnects() {
      return disconnects
    },
    synced: () =>
      whenReady(
        () => provider.synced,
        (wake) => {
          provider.on('sync', wake)
          return () => provider.off('sync', wake)
        },
      ),
    track: () => {},
    saved: () => Promise.resolve(),
    destroy: () => {
      destroyed = true
      provider.destroy()
      doc.destroy()
    },
  }
}
