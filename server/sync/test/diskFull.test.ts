import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocName } from '../../../shared/documents/docName.ts'
import { decodeAck } from '../../../shared/sync/ackMessages.ts'
import { MessageType, SyncMessageType } from '../../../shared/sync/messageTypes.ts'
import type { DocStore } from '../../store/DocStore.ts'
import { prepareDocStoreSchema } from '../../store/sqliteSchema.ts'
import { SqliteDocStore } from '../../store/SqliteDocStore.ts'
import { SqliteWrites } from '../../store/sqliteWrites.ts'
import { storeErrorCode } from '../../store/storeErrorCode.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { encodeSyncFrame } from '../encodeFrames.ts'

describe('a full disk', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it("keeps SQLite's own error (SQLITE_FULL), not the failed rollback's", () => {
    const db = new DatabaseSync(join(mkdtempSync(join(tmpdir(), 'hearth-full-')), 'd.sqlite'))
    prepareDocStoreSchema(db, 'FULL')
    const writes = new SqliteWrites(db)
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count
    db.exec(`PRAGMA max_page_count = ${pages + 2}`)
    let thrown: unknown
    try {
      writes.append([{ seq: 1, doc: 'full/x', data: new Uint8Array(256 * 1024), sealed: false }])
    } catch (error) {
      thrown = error
    }
    expect(storeErrorCode(thrown)).toBe('SQLITE_FULL')
    expect(String(thrown)).not.toMatch(/no transaction is active/)
    expect(db.isTransaction).toBe(false)
    // Room again: the next write goes through.
    db.exec('PRAGMA max_page_count = 1000000')
    writes.append([{ seq: 2, doc: 'full/x', data: Uint8Array.of(0, 0), sealed: false }])
  })

  it('tells the writer its edits are not saved, reports unhealthy, and recovers when room returns', async () => {
    const inner = new SqliteDocStore({ path: ':memory:' })
    let full = false
    const store: DocStore = {
      load: (d) => inner.load(d),
      append: (e) =>
        full
          ? // As node:sqlite reports it: SQLite's extended code on the error.
            Promise.reject(Object.assign(new Error('database or disk is full'), { errcode: 13 }))
          : inner.append(e),
      compact: (d, s, u) => inner.compact(d, s, u),
      delete: (d) => inner.delete(d),
      names: (p) => inner.names(p),
      close: () => inner.close(),
    }
    server = await startTestServer({}, { store })
    const writer = await openRawSocket(server.wsUrl, 'full/doc', server.token())
    await writer.next((f) => f[0] === MessageType.sync, 2_000)
    full = true
    const local = new Y.Doc()
    local.getText('t').insert(0, 'kept through a full disk')
    writer.ws.send(encodeSyncFrame(SyncMessageType.update, Y.encodeStateAsUpdate(local)))
    await writer.next((f) => f[0] === MessageType.notSaved, 3_000)
    expect(server.sync.health().commitsFailing).toBe('SQLITE_FULL')
    expect((await fetch(`${server.url}/health`)).status).toBe(503)
    expect(
      server.logs.some((l) => l.msg === 'commit failed; will retry' && l.code === 'SQLITE_FULL'),
    ).toBe(true)
    full = false
    const ack = await writer.next((f) => decodeAck(f) !== null, 5_000)
    expect(decodeAck(ack)).toBe(1)
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
    const stored = await inner.load('full/doc' as DocName)
    const doc = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    expect(doc.getText('t').toString()).toBe('kept through a full disk')
    writer.ws.close()
  })
})
