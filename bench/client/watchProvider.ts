import type { WebsocketProvider } from 'y-websocket'
import { whenReady } from './whenReady.ts'

/**
 * What the bench reads from a `y-websocket` provider (Hearth's client and the reference
 * server's): how often its socket dropped after the first sync, and when it has synced; and
 * how to take it down with its document.
 */
export function watchProvider(provider: WebsocketProvider) {
  let disconnects = 0
  let hasSynced = false
  let destroyed = false
  provider.on('sync', (state: boolean) => (hasSynced ||= state))
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected' && hasSynced && !destroyed) disconnects++
  })
  return {
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
    destroy: () => {
      destroyed = true
      provider.destroy()
      provider.doc.destroy()
    },
  }
}
