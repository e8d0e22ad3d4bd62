import * as Y from 'yjs'
import type { TestServer } from './startTestServer.ts'

/**
 * Which of `needles` someone holding the server's keys could read in any stored document: what
 * a backup taken now would give back. With rows sealed at rest, the bytes of the file prove
 * nothing either way (`foundInDatabase`); this opens every stored document through the
 * server's own store (SQLite or PostgreSQL), with its key ring.
 */
export async function readableInStore(server: TestServer, needles: string[]): Promise<string[]> {
  await server.sync.drain()
  const found = new Set<string>()
  for (const name of await server.store.names('')) {
    const stored = await server.store.load(name)
    const ydoc = new Y.Doc()
    for (const update of [stored.snapshot, ...stored.updates]) {
      if (update) Y.applyUpdate(ydoc, update)
    }
    const state = Buffer.from(Y.encodeStateAsUpdate(ydoc))
    ydoc.destroy()
    for (const n of needles) if (state.includes(n)) found.add(n)
  }
  return needles.filter((n) => found.has(n))
}
