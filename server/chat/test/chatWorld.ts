import * as encoding from 'lib0/encoding'
import { expect } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import type { HttpClient } from '../../test/httpClient.ts'
import { openRawSocket, type RawSocket } from '../../test/rawSocket.ts'
import { openSession } from '../../test/roomWorld.ts'
import type { TestServer } from '../../test/startTestServer.ts'

/** A session open with these members admitted; chat settings over the defaults. */
export async function chatSession(
  server: TestServer,
  pseudonyms: string[],
  settings: Record<string, unknown> = {},
) {
  const world = await openSession(server, pseudonyms, settings)
  const { groupId, sessionId } = world
  return {
    ...world,
    chat: sessionDocName.chat(groupId, sessionId),
    signals: sessionDocName.signals(groupId, sessionId),
    post: (who: HttpClient, text: string) => who.post(`/api/sessions/${sessionId}/chat`, { text }),
    lineOf: async (who: HttpClient) =>
      (await who.get(`/api/sessions/${sessionId}`)).json.documents.line as string,
  }
}

/**
 * Everything a person's socket receives on a document, byte for byte: a raw socket that asks
 * for the whole document (sync step 1 with an empty state vector), then keeps every frame.
 */
export async function sniff(server: TestServer, doc: string, who: { cookie: string | null }) {
  const socket: RawSocket = await openRawSocket(server.wsUrl, doc, null, {
    cookie: who.cookie!,
    acks: false,
  })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  socket.ws.send(encoding.toUint8Array(encoder))
  return {
    socket,
    /** All bytes received so far, as one buffer to search. */
    bytes: () => Buffer.concat(socket.frames.map((f) => Buffer.from(f))),
    close: () => socket.ws.close(),
  }
}

/** Asserts that none of `secrets` occurs in `bytes` (what links a message to its writer). */
export function expectNoneOf(bytes: Buffer | string, secrets: string[]): void {
  const haystack = typeof bytes === 'string' ? Buffer.from(bytes) : bytes
  const found = secrets.filter((s) => haystack.includes(Buffer.from(s)))
  expect(found, 'identity bytes found').toEqual([])
}
