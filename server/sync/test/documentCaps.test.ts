import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import type { DocName } from '../../../shared/documents/docName.ts'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { SyncMessageType } from '../../../shared/sync/messageTypes.ts'
import { facilitator, groupBody, scheduleSession } from '../../test/groupWorld.ts'
import { openRawSocket, type RawSocket } from '../../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { docByteCap, PLAYGROUND_DOC_BYTES } from '../docByteCap.ts'
import { encodeSyncFrame } from '../encodeFrames.ts'

describe('caps on what one person can hold or grow', () => {
  let server: TestServer
  const sockets: RawSocket[] = []
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.ws.close()
    await server.close()
  })

  it('a document stops growing at its cap, with a clear refusal, and stays readable', async () => {
    server = await startTestServer({ HEARTH_MAX_DOC_BYTES: String(64 * 1024) })
    const writer = await openRawSocket(server.wsUrl, 'caps/big', server.token())
    sockets.push(writer)
    const local = new Y.Doc()
    const text = local.getText('t')
    const updates: Uint8Array[] = []
    local.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 4; i++) text.insert(text.length, `${i}`.repeat(24 * 1024))
    for (const update of updates) writer.ws.send(encodeSyncFrame(SyncMessageType.update, update))
    expect(await writer.closed).toBe(CloseCode.documentFull)
    await server.sync.drain()
    const stored = await server.store.load('caps/big' as DocName)
    const doc = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    // Two 24 KiB inserts fit under 64 KiB; the third did not, and nothing after it was taken.
    expect(doc.getText('t').length).toBe(2 * 24 * 1024)
    const reader = await openRawSocket(server.wsUrl, 'caps/big', server.token())
    sockets.push(reader)
    await reader.next((f) => f[0] === 0 && f[1] === SyncMessageType.step1, 2_000)
  })

  it('caps each kind of document, and the playground tighter than the rest', () => {
    const cap = docByteCap(123_456)
    expect(cap('playground/abc' as DocName)).toBe(PLAYGROUND_DOC_BYTES)
    expect(cap('bench/room-1' as DocName)).toBe(123_456)
    const room = sessionDocName.room(`g${'a'.repeat(20)}`, `s${'b'.repeat(20)}`)
    expect(cap(room as DocName)).toBeLessThanOrEqual(2 * 1024 * 1024)
  })

  it('one person holds at most so many sockets at once', async () => {
    server = await startTestServer({ HEARTH_MAX_SOCKETS_PER_PERSON: '4' })
    const lead = await facilitator(server, 'lead@x.example')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    const sessionId = await scheduleSession(server, lead, groupId, 'W1')
    const room = sessionDocName.room(groupId, sessionId)
    const open = () => openRawSocket(server.wsUrl, room, null, { cookie: lead.cookie! })
    const held = await Promise.all(Array.from({ length: 4 }, open))
    sockets.push(...held)
    await expect(open()).rejects.toThrow('HTTP 429')
    // Tools' tokens are not counted against anyone.
    sockets.push(await openRawSocket(server.wsUrl, 'caps/tool', server.token()))
    held[0]!.ws.close()
    await held[0]!.closed
    await new Promise((r) => setTimeout(r, 50))
    sockets.push(await open())
  })
})
