import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocName } from '../../../shared/documents/docName.ts'
import { MessageType } from '../../../shared/sync/messageTypes.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { SqliteDocStore } from '../../store/SqliteDocStore.ts'
import type { DocStore } from '../../store/DocStore.ts'

async function storedText(store: DocStore, name: string): Promise<string> {
  const stored = await store.load(name as DocName)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc.getText('t').toString()
}

/** A store that records which documents were loaded. */
function spyingStore(): { store: DocStore; loaded: string[] } {
  const inner = new SqliteDocStore({ path: ':memory:' })
  const loaded: string[] = []
  const store: DocStore = {
    load: (doc) => {
      loaded.push(doc)
      return inner.load(doc)
    },
    append: (e) => inner.append(e),
    compact: (d, s, u) => inner.compact(d, s, u),
    delete: (d) => inner.delete(d),
    names: (p) => inner.names(p),
    close: () => inner.close(),
  }
  return { store, loaded }
}

describe('access at the sync endpoint', () => {
  const clients: TestClient[] = []
  let server: TestServer | undefined
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
  })

  it("[C8] a read connection's edits reach neither the store nor other clients, and it is told", async () => {
    server = await startTestServer()
    const writer = connectProvider(
      server.wsUrl,
      'acl/doc',
      server.token([{ prefix: 'acl/', access: 'write' }]),
    )
    const reader = connectProvider(
      server.wsUrl,
      'acl/doc',
      server.token([{ prefix: 'acl/', access: 'read' }]),
    )
    clients.push(writer, reader)
    const denied: string[] = []
    reader.provider.messageHandlers[MessageType.auth] = (_enc, decoder) => {
      decoder.pos = decoder.arr.length
      denied.push('permission-denied')
    }
    await Promise.all([writer.synced(), reader.synced()])
    writer.text.insert(0, 'hello')
    await eventually(() => reader.text.toString() === 'hello', 'reader receives writer edits')

    reader.text.insert(0, 'INTRUDER ')
    await eventually(() => denied.length > 0, 'permission denied message')
    // Ordering barrier: the writer's next edit is processed after the reader's refused one.
    writer.text.insert(5, '!')
    await eventually(() => reader.text.toString().includes('!'), 'barrier edit')
    await writer.saved()
    await server.sync.drain()
    expect(writer.text.toString()).toBe('hello!')
    expect(await storedText(server.store, 'acl/doc')).toBe('hello!')
  })

  it('[C8] awareness still flows from a read connection', async () => {
    server = await startTestServer()
    const writer = connectProvider(server.wsUrl, 'acl/aw', server.token())
    const reader = connectProvider(
      server.wsUrl,
      'acl/aw',
      server.token([{ prefix: 'acl/', access: 'read' }]),
    )
    clients.push(writer, reader)
    await Promise.all([writer.synced(), reader.synced()])
    reader.provider.awareness.setLocalStateField('cursor', 3)
    await eventually(
      () => writer.provider.awareness.getStates().get(reader.doc.clientID)?.cursor === 3,
      'reader presence at the writer',
    )
  })

  it("[C2] a 'none' principal cannot open the socket, and nothing is loaded", async () => {
    const { store, loaded } = spyingStore()
    server = await startTestServer({}, { store })
    loaded.length = 0 // the start-up warm-up's own document
    const token = server.token([{ prefix: 'other/', access: 'write' }])
    await expect(openRawSocket(server.wsUrl, 'acl/secret', token)).rejects.toThrow('HTTP 403')
    expect(loaded).toEqual([])
    expect(server.sync.openRooms).toBe(0)
  })

  it.each([
    ['no token', null, 'HTTP 401'],
    ['a forged token', 'eyJzdWIiOiJ4In0.AAAA', 'HTTP 401'],
  ])('[C15] %s is refused at the upgrade', async (_name, token, status) => {
    const { store, loaded } = spyingStore()
    server = await startTestServer({}, { store })
    loaded.length = 0 // the start-up warm-up's own document
    await expect(openRawSocket(server.wsUrl, 'acl/doc', token)).rejects.toThrow(status)
    expect(loaded).toEqual([])
  })

  it('[C12] a foreign Origin is refused; the configured one is accepted', async () => {
    server = await startTestServer({ HEARTH_PUBLIC_ORIGIN: 'https://hearth.example' })
    const token = server.token()
    await expect(
      openRawSocket(server.wsUrl, 'acl/doc', token, { origin: 'https://evil.example' }),
    ).rejects.toThrow('HTTP 403')
    const ok = await openRawSocket(server.wsUrl, 'acl/doc', token, {
      origin: 'https://hearth.example',
    })
    ok.ws.close()
  })

  it('refuses malformed document names and unknown paths', async () => {
    server = await startTestServer()
    const token = server.token()
    await expect(openRawSocket(server.wsUrl, 'Bad%20Name', token)).rejects.toThrow('HTTP 400')
    await expect(openRawSocket(server.wsUrl.replace('/sync', '/nope'), 'a', token)).rejects.toThrow(
      'HTTP 404',
    )
  })

  it('[C16] a connection closes when its credentials expire', async () => {
    server = await startTestServer()
    const { signDevToken } = await import('../../auth/devToken.ts')
    const token = signDevToken(server.secret, {
      id: 'short',
      grants: [{ prefix: '', access: 'write' }],
      expiresAt: server.services.now() + 300,
    })
    const socket = await openRawSocket(server.wsUrl, 'acl/expiring', token)
    expect(await socket.closed).toBe(4401)
  })
})
