import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ackingWebSocket } from '../../shared/sync/ackingWebSocket.ts'
import type { MuxClient } from '../../shared/sync/MuxClient.ts'
import { SaveState } from '../../shared/sync/SaveState.ts'

// `ws` declares an extra `null` overload; at run time it is a standard WebSocket class.
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  save: SaveState
  text: Y.Text
  /** Resolves once the provider has synced with the server. */
  synced(): Promise<void>
  /** Resolves once every update sent on the current socket is durable. */
  saved(): Promise<void>
  destroy(): void
}

/**
 * A stock `y-websocket` provider in Node, wrapped only by the acknowledgement counter (pass
 * `acks: false` for a completely unmodified client).
 */
export function connectProvider(
  wsUrl: string,
  docName: string,
  token: string | null,
  {
    acks = true,
    doc = new Y.Doc(),
    cookie,
    mux,
  }: {
    acks?: boolean
    doc?: Y.Doc
    cookie?: string
    /** A channel of this multiplexed socket instead of a socket of its own. */
    mux?: MuxClient
  } = {},
): TestClient {
  const save = new SaveState()
  // A browser sends its login cookie with the upgrade; `ws` takes it as a header.
  const Base = mux
    ? mux.channelClass
    : cookie
      ? (class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { cookie } })
          }
        } as unknown as typeof globalThis.WebSocket)
      : NodeWebSocket
  const provider = new WebsocketProvider(mux ? mux.url : wsUrl, docName, doc, {
    WebSocketPolyfill: (acks ? ackingWebSocket(Base, save) : Base) as never,
    protocols: token ? ['hearth', `auth.${token}`] : ['hearth'],
    disableBc: true,
  })
  provider.on('status', ({ status }) => save.setConnected(status === 'connected'))
  doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (origin !== provider) save.localEdit()
  })
  const until = (ready: () => boolean, subscribe: (wake: () => void) => () => void) =>
    new Promise<void>((resolve) => {
      if (ready()) return resolve()
      const off = subscribe(() => {
        if (ready()) {
          off()
          resolve()
        }
      })
    })
  return {
    doc,
    provider,
    save,
    text: doc.getText('t'),
    synced: () =>
      until(
        () => provider.synced,
        (wake) => {
          provider.on('sync', wake)
          return () => provider.off('sync', wake)
        },
      ),
    saved: () =>
      until(
        () => save.status === 'saved',
        (wake) => save.subscribe(wake),
      ),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * Polls `check` (which may ask the server, asynchronously) until it holds, or fails after `ms`
 * with `what`.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
