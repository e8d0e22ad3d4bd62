import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocName } from '../../../shared/documents/docName.ts'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { MessageType, SyncMessageType } from '../../../shared/sync/messageTypes.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { SqliteDocStore } from '../../store/SqliteDocStore.ts'
import { encodeSyncFrame } from '../encodeFrames.ts'

describe('a damaged document', () => {
  let server: TestServer
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  /** A data folder where `name` is stored as `edits` rows, one edit each; returns it. */
  async function written(name: string, edits: number): Promise<string> {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-damage-'))
    const store = new SqliteDocStore({ path: join(dataDir, 'hearth.sqlite') })
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < edits; i++) doc.getText('t').insert(doc.getText('t').length, `edit ${i};`)
    for (const update of updates) await store.append([{ doc: name as DocName, update }])
    await store.close()
    return dataDir
  }

  it('loads read-only with a clear close reason and an error naming it, and health says so', async () => {
    const name = 'damage/lost-row'
    const dataDir = await written(name, 40)
    // A row in the middle goes missing (a bad restore, a disk fault, a hand edit).
    const raw = new DatabaseSync(join(dataDir, 'hearth.sqlite'))
    const seqs = raw
      .prepare('SELECT seq FROM doc_updates WHERE doc = ? ORDER BY seq')
      .all(name) as { seq: number }[]
    expect(seqs).toHaveLength(40)
    raw.prepare('DELETE FROM doc_updates WHERE seq = ?').run(seqs[5]!.seq)
    raw.close()

    server = await startTestServer({ HEARTH_COMPACT_ROWS: '100000' }, { sqliteFile: true, dataDir })
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
    const writer = await openRawSocket(server.wsUrl, name, server.token())
    await writer.next((f) => f[0] === MessageType.sync, 2_000)
    const error = server.logs.find((l) => l.msg === 'document is damaged; serving it read-only')
    expect(error).toMatchObject({ doc: name, missingDependencies: true })
    // Reading works; a write is refused once, for good (a 44xx code: no retry loop).
    const local = new Y.Doc()
    local.getText('t').insert(0, 'more')
    writer.ws.send(encodeSyncFrame(SyncMessageType.update, Y.encodeStateAsUpdate(local)))
    expect(await writer.closed).toBe(CloseCode.documentDamaged)
    const health = await fetch(`${server.url}/health`)
    expect(health.status).toBe(503)
    expect(await health.json()).toEqual({ ok: false })
    // Nothing was added or folded on top of the damage.
    const rows = server.db.sql
      .prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?')
      .get(name) as { n: number }
    expect(rows.n).toBe(seqs.length - 1)
  })

  it('a sound document is not flagged', async () => {
    const dataDir = await written('damage/none', 5)
    server = await startTestServer({}, { sqliteFile: true, dataDir })
    const reader = connectProvider(server.wsUrl, 'damage/none', server.token())
    clients.push(reader)
    await reader.synced()
    await eventually(() => reader.doc.getText('t').toString().includes('edit 4;'), 'content')
    expect(server.sync.health()).toEqual({ commitsFailing: null, damagedDocuments: 0 })
    expect(server.logs.some((l) => l.msg === 'database check passed')).toBe(true)
  })

  it('[C19] one changed byte of a sealed row is refused, named, and the rest of the server works', async () => {
    server = await startTestServer({ HEARTH_COMPACT_ROWS: '100000' }, { sqliteFile: true })
    const { dataDir } = server
    for (const name of ['damage/tampered', 'damage/intact']) {
      const writer = connectProvider(server.wsUrl, name, server.token())
      clients.push(writer)
      await writer.synced()
      writer.doc.getText('t').insert(0, `what I wrote in ${name}`)
      await eventually(
        () => server.sync.serverRead(name as DocName, (d) => d.getText('t').length > 0),
        `${name} on the server`,
      )
    }
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
    const raw = new DatabaseSync(join(dataDir, 'hearth.sqlite'))
    const row = raw
      .prepare(
        "SELECT seq, data, sealed FROM doc_updates WHERE doc = 'damage/tampered' ORDER BY seq DESC",
      )
      .get() as { seq: number; data: Uint8Array; sealed: number }
    expect(row.sealed).toBe(1)
    const changed = Uint8Array.from(row.data)
    changed[changed.length - 20]! ^= 0x01
    raw.prepare('UPDATE doc_updates SET data = ? WHERE seq = ?').run(changed, row.seq)
    raw.close()

    server = await startTestServer({ HEARTH_COMPACT_ROWS: '100000' }, { sqliteFile: true, dataDir })
    const reader = await openRawSocket(server.wsUrl, 'damage/tampered', server.token())
    await reader.next((f) => f[0] === MessageType.sync, 2_000)
    const error = server.logs.find((l) => l.msg === 'document is damaged; serving it read-only')
    expect(error).toMatchObject({ doc: 'damage/tampered', unreadableRows: 1 })
    expect(String(error!.sealRejected)).toContain(`doc damage/tampered update ${row.seq}`)
    // No byte of what was written reaches the log.
    expect(JSON.stringify(server.logs)).not.toContain('what I wrote')
    const intact = connectProvider(server.wsUrl, 'damage/intact', server.token())
    clients.push(intact)
    await intact.synced()
    expect(intact.doc.getText('t').toString()).toBe('what I wrote in damage/intact')
    intact.doc.getText('t').insert(0, 'still writable; ')
    await eventually(
      () =>
        server.sync.serverRead('damage/intact' as DocName, (d) =>
          d.getText('t').toString().startsWith('still writable'),
        ),
      'the intact document takes writes',
    )
    expect(server.sync.health().damagedDocuments).toBe(1)
  })
})
