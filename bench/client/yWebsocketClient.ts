import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { watchProvider } from './watchProvider.ts'

const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket

/** The reference server's client: the stock `y-websocket` provider, unmodified. */
export function yWebsocketClient(target: TargetInfo, docName: string): BenchClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`ws://127.0.0.1:${target.port}`, docName, doc, {
    WebSocketPolyfill: NodeWebSocket as never,
    disableBc: true,
  })
  const watch = watchProvider(provider)
  return {
    doc,
    text: doc.getText('t'),
    get disconnects() {
      return watch.disconnects
    },
    synced: watch.synced,
    track: () => {},
    saved: () => Promise.resolve(),
    destroy: watch.destroy,
  }
}
