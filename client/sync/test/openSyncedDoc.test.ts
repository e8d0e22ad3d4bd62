import { afterEach, describe, expect, it } from 'vitest'
import type { DocName } from '../../../shared/documents/docName.ts'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { signDevToken } from '../../../server/auth/devToken.ts'
import { eventually } from '../../../server/test/connectProvider.ts'
import { startTestServer, type TestServer } from '../../../server/test/startTestServer.ts'
import { openSyncedDoc, type SyncedDoc } from '../openSyncedDoc.ts'

// Node's own WebSocket stands in for the browser's: the same class, the same events.
const DOC = 'playground/status' as DocName
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function server(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  const started = await startTestServer(env, dataDir ? { dataDir } : {})
  cleanups.push(() => started.close())
  return started
}

function open(at: TestServer, options: Partial<Parameters<typeof openSyncedDoc>[0]> = {}) {
  const synced = openSyncedDoc({ serverUrl: at.wsUrl, docName: DOC, token: at.token(), ...options })
  cleanups.push(() => synced.destroy())
  return synced
}

const connection = (synced: SyncedDoc) => synced.getSnapshot().connection
const until = (check: () => boolean, what: string) => eventually(check, what, 10_000)

describe('openSyncedDoc', () => {
  it('connects, syncs, and says "saved" only once the server has made an edit durable', async () => {
    const synced = open(await server())
    expect(connection(synced)).toBe('connecting')
    await until(() => synced.getSnapshot().hasSynced, 'the first sync')
    expect(connection(synced)).toBe('connected')
    await until(() => synced.save.status === 'saved', 'the initial sync step to be acknowledged')
    synced.doc.getText('text').insert(0, 'hello')
    expect(synced.save.status).toBe('saving')
    await until(() => synced.save.status === 'saved', 'the edit to be acknowledged')
  })

  it('goes offline when the server stops, keeps edits unsaved, and saves them when it returns', async () => {
    const first = await server()
    const synced = open(first)
    await until(() => synced.save.status === 'saved', 'saved')
    await first.close()
    await until(() => connection(synced) === 'offline', 'offline')
    expect(synced.save.status).toBe('offline')

    synced.doc.getText('text').insert(0, 'written while the server was away')
    expect(synced.save.status).toBe('offline-unsaved')
    // Failed reconnection attempts do not turn "offline" back into "connecting".
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(connection(synced)).toBe('offline')

    const second = await server({ PORT: String(first.port) }, first.dataDir)
    await until(() => connection(synced) === 'connected', 'reconnected')
    await until(() => synced.save.status === 'saved', 'the offline edit to be saved')
    const reader = open(second)
    await until(() => reader.getSnapshot().hasSynced, 'a second client to sync')
    expect(reader.doc.getText('text').toString()).toBe('written while the server was away')
  })

  it('drops the socket when the browser goes offline and reconnects when it is back', async () => {
    const network = new EventTarget()
    const synced = open(await server(), { network })
    await until(() => synced.save.status === 'saved', 'saved')
    network.dispatchEvent(new Event('offline'))
    expect(connection(synced)).toBe('offline')
    synced.doc.getText('text').insert(0, 'written on the train')
    expect(synced.save.status).toBe('offline-unsaved')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(connection(synced)).toBe('offline')

    network.dispatchEvent(new Event('online'))
    await until(() => connection(synced) === 'connected', 'reconnected')
    await until(() => synced.save.status === 'saved', 'the offline edit to be saved')
  })

  it('counts an edit sent on a socket that closed before its acknowledgement as unsaved', async () => {
    const synced = open(await server())
    await until(() => synced.save.status === 'saved', 'saved')
    let afterDisconnect = ''
    synced.provider.on('status', ({ status }) => {
      if (status === 'disconnected') afterDisconnect = synced.save.status
    })
    synced.doc.getText('text').insert(0, 'in flight')
    // A socket ignores what arrives after close(), so the acknowledgement is lost for certain.
    synced.provider.ws?.close()
    await until(() => afterDisconnect !== '', 'the disconnection')
    expect(afterDisconnect).toBe('offline-unsaved')
    await until(() => synced.save.status === 'saved', 'saved again after reconnecting')
  })

  it('asks for a fresh token when the server closes the socket because the token expired', async () => {
    const at = await server()
    const expiring = signDevToken(at.secret, {
      id: 'p_expiring',
      grants: [{ prefix: 'playground/', access: 'write' }],
      expiresAt: Date.now() + 700,
    })
    let refreshed = 0
    const synced = open(at, {
      token: expiring,
      refreshToken: async () => {
        refreshed++
        return at.token()
      },
    })
    await until(() => connection(synced) === 'connected', 'connected')
    await until(() => refreshed === 1, 'a token refresh')
    await until(() => connection(synced) === 'connected', 'reconnected with the fresh token')
    synced.doc.getText('text').insert(0, 'still here')
    await until(() => synced.save.status === 'saved', 'saved after the refresh')
  })

  it('offers only the hearth subprotocol without a token: the login cookie is the credential', async () => {
    const at = await server()
    const synced = openSyncedDoc({ serverUrl: at.wsUrl, docName: DOC })
    cleanups.push(() => synced.destroy())
    expect(synced.provider.protocols).toEqual(['hearth'])
    // Node's WebSocket carries no login cookie, so the upgrade is refused before it opens.
    await until(() => connection(synced) === 'offline', 'the refused upgrade')
    expect(synced.getSnapshot().hasSynced).toBe(false)
  })

  it('reports a deliberate refusal by its close code, and no longer reconnects', async () => {
    const at = await server()
    const expiring = signDevToken(at.secret, {
      id: 'p_refused',
      grants: [{ prefix: 'playground/', access: 'write' }],
      expiresAt: Date.now() + 500,
    })
    const synced = open(at, { token: expiring })
    expect(synced.getSnapshot().refusedWith).toBeNull()
    await until(() => synced.getSnapshot().refusedWith === CloseCode.unauthenticated, 'a 4401')
    expect(synced.provider.shouldConnect).toBe(false)
  })
})
