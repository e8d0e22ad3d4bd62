import { afterEach, describe, expect, it } from 'vitest'
import type { DocName } from '../../../shared/documents/docName.ts'
import { WARM_UP_DOC } from '../warmUp.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import type { DocStore } from '../../store/DocStore.ts'
import { SqliteDocStore } from '../../store/SqliteDocStore.ts'
import { openRawSocket } from '../../test/rawSocket.ts'

let server: TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

describe('start-up warm-up', () => {
  it('joins its scratch document once before listening is reported, and leaves nothing behind', async () => {
    const inner = new SqliteDocStore({ path: ':memory:' })
    const loads: string[] = []
    const appends: string[] = []
    const store: DocStore = {
      load: (doc: DocName) => (loads.push(doc), inner.load(doc)),
      append: (entries) => (appends.push(...entries.map((e) => e.doc)), inner.append(entries)),
      compact: (doc, snapshot, upTo) => inner.compact(doc, snapshot, upTo),
      delete: (doc) => inner.delete(doc),
      names: (prefix) => inner.names(prefix),
      close: () => inner.close(),
    }
    server = await startTestServer({}, { store })
    expect(loads).toEqual([WARM_UP_DOC])
    expect(appends).toEqual([])
    expect(server.sync.openRooms).toBe(0)
  })

  it('is not open to anyone else: a token without a grant for it is refused', async () => {
    server = await startTestServer()
    const token = server.token([{ prefix: 'groups/', access: 'write' }])
    await expect(openRawSocket(server.wsUrl, WARM_UP_DOC, token)).rejects.toThrow('HTTP 403')
  })
})
