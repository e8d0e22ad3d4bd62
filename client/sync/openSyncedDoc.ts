import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { ackingWebSocket } from '../../shared/sync/ackingWebSocket.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import type { MuxClient } from '../../shared/sync/MuxClient.ts'
import { SaveState } from '../../shared/sync/SaveState.ts'

/** What the connection badge shows. */
export type ConnectionState = 'connecting' | 'connected' | 'offline'

export interface SyncSnapshot {
  connection: ConnectionState
  /** The document has been synced with the server at least once since it was opened. */
  hasSynced: boolean
  /**
   * The close code when the server refused the connection for good (4400–4499: signed out,
   * access withdrawn…); the provider then stops reconnecting. Null while it may reconnect.
   */
  refusedWith: number | null
}

/** One document kept in sync with the server, with its connection and save state. */
export interface SyncedDoc {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly save: SaveState
  getSnapshot(): SyncSnapshot
  subscribe(listener: () => void): () => void
  destroy(): void
}

export interface OpenSyncedDocOptions {
  /** `ws(s)://host/sync`; the document name is appended by the provider. */
  serverUrl: string
  docName: DocName
  /**
   * A signed token (the playground, tools). Without one the browser's login cookie
   * authenticates the socket, as it does every HTTP request.
   */
  token?: string
  /** Asked for a fresh token when the server closes the socket because the old one expired. */
  refreshToken?: () => Promise<string>
  /**
   * Carry the document as a channel of this shared socket (cookie sign-in only: a token is
   * per document, so a document opened with one gets a socket of its own).
   */
  mux?: MuxClient
  /** Where the browser says it went offline or online again; the window by default. */
  network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
}

const protocolsFor = (token: string | undefined) =>
  token ? ['hearth', `auth.${token}`] : ['hearth']

/**
 * Opens a stock y-websocket provider whose socket opts in to the server's durable
 * acknowledgements, as `server/test/connectProvider.ts` does in Node. A token travels as a
 * subprotocol so that it stays out of URLs and access logs. With `mux`, the provider's socket
 * is a channel of one socket shared by every document of the page.
 */
export function openSyncedDoc({
  serverUrl,
  docName,
  token,
  refreshToken,
  mux,
  network = typeof window === 'undefined' ? undefined : window,
}: OpenSyncedDocOptions): SyncedDoc {
  const doc = new Y.Doc()
  const save = new SaveState()
  const shared = token ? undefined : mux
  const provider = new WebsocketProvider(shared ? shared.url : serverUrl, docName, doc, {
    WebSocketPolyfill: ackingWebSocket(shared ? shared.channelClass : WebSocket, save) as never,
    protocols: protocolsFor(token),
    disableBc: true,
  })
  const listeners = new Set<() => void>()
  let destroyed = false
  let snapshot: SyncSnapshot = { connection: 'connecting', hasSynced: false, refusedWith: null }
  const update = (next: Partial<SyncSnapshot>) => {
    snapshot = { ...snapshot, ...next }
    for (const listener of listeners) listener()
  }

  provider.on('status', ({ status }) => {
    save.setConnected(status === 'connected')
    if (status === 'connected') {
      update({ connection: 'connected', refusedWith: null })
      // Peers dropped our presence when the socket closed, and ignore the same state sent again
      // at the same clock: renew it (a new clock) so we reappear at once, not at the next
      // renewal 15 s later.
      const local = provider.awareness.getLocalState()
      if (local) provider.awareness.setLocalState(local)
    } else if (status === 'disconnected') update({ connection: 'offline' })
    // A retry after a failure is still "offline" until it succeeds.
    else if (snapshot.connection !== 'offline') update({ connection: 'connecting' })
  })
  // Fires for failed attempts too, which never report 'disconnected' (they never connected).
  provider.on('connection-close', () => {
    if (snapshot.connection !== 'offline') update({ connection: 'offline' })
  })
  provider.on('sync', (isSynced) => {
    if (isSynced && !snapshot.hasSynced) update({ hasSynced: true })
  })
  provider.on('closed', ({ code }) => {
    // y-websocket gives up after a 44xx close. An expired token is the one we can repair.
    if (code !== CloseCode.unauthenticated || !refreshToken) {
      update({ refusedWith: code })
      return
    }
    refreshToken().then(
      (fresh) => {
        if (destroyed) return
        provider.protocols = protocolsFor(fresh)
        provider.connect()
      },
      () => {},
    )
  })
  // The browser knows first when the network goes: drop the socket at once rather than wait
  // for it to time out, so the badge is truthful and edits are counted as unsaved; reconnect
  // as soon as the network is back (unless the server has refused this document for good).
  let droppedForOffline = false
  const onOffline = () => {
    if (!provider.shouldConnect) return
    droppedForOffline = true
    provider.disconnect()
  }
  const onOnline = () => {
    if (!droppedForOffline || destroyed) return
    droppedForOffline = false
    if (snapshot.refusedWith === null) provider.connect()
  }
  network?.addEventListener('offline', onOffline)
  network?.addEventListener('online', onOnline)
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) save.localEdit()
  })

  return {
    doc,
    provider,
    save,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      destroyed = true
      listeners.clear()
      network?.removeEventListener('offline', onOffline)
      network?.removeEventListener('online', onOnline)
      provider.destroy()
      provider.awareness.destroy()
      doc.destroy()
    },
  }
}
