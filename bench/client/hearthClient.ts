import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ackingWebSocket } from '../../shared/sync/ackingWebSocket.ts'
import { SaveState } from '../../shared/sync/SaveState.ts'
import type { BenchClient, TargetInfo } from './BenchClient.ts'
import { watchProvider } from './watchProvider.ts'
import { whenReady } from './whenReady.ts'

// `ws` declares an extra `null` overload; at run time it is a standard WebSocket class.
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket

/**
 * Hearth's client: the stock `y-websocket` provider, whose socket class is wrapped by Hearth's
 * ack counter (as in the app). The counter counts update frames sent on the socket; an ack of
 * n makes the first n durable, so an edit is saved once the ack reaches its frame number.
 */
export function hearthClient(target: TargetInfo, docName: string): BenchClient {
  const doc = new Y.Doc()
  const save = new SaveState()
  let inFlight: { frame: number; onSaved: () => void }[] = []
  const counter = {
    reset: () => {
      save.reset()
      inFlight = [] // edits sent on a dead socket were never acknowledged on it
    },
    sent: () => save.sent(),
    acked: (count: number) => {
      let done = 0
      while (done < inFlight.length && inFlight[done]!.frame <= count) inFlight[done++]!.onSaved()
      if (done > 0) inFlight = inFlight.slice(done)
      save.acked(count)
    },
    refused: () => save.refused(),
    notSaved: () => save.notSaved(),
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${target.port}/sync`, docName, doc, {
    WebSocketPolyfill: ackingWebSocket(NodeWebSocket, counter) as never,
    protocols: ['hearth', `auth.${target.token}`],
    disableBc: true,
  })
  provider.on('status', ({ status }) => save.setConnected(status === 'connected'))
  const watch = watchProvider(provider)
  return {
    doc,
    text: doc.getText('t'),
    get disconnects() {
      return watch.disconnects
    },
    synced: watch.synced,
    track: (onSaved) => inFlight.push({ frame: save.counts.sent, onSaved }),
    saved: () =>
      whenReady(
        () => save.status === 'saved' && inFlight.length === 0,
        (wake) => save.subscribe(wake),
      ),
    destroy: watch.destroy,
  }
}
