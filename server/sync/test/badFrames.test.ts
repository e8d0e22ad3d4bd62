import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocName } from '../../../shared/documents/docName.ts'
import { decodeAck } from '../../../shared/sync/ackMessages.ts'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { encodeUpdate } from '../encodeFrames.ts'

const DOC = 'bad/doc'

function realUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** A sync-update frame whose declared payload length is `declared`, followed by `payload`. */
function frameWithLength(declared: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint(e, declared)
  encoding.writeUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

const update = realUpdate('valid text')
const frame = encodeUpdate(update)

const cases: [name: string, bytes: Uint8Array | string, code: number][] = [
  ['an empty frame', new Uint8Array(0), CloseCode.malformedFrame],
  ['an unknown message type', new Uint8Array([42, 0]), CloseCode.malformedFrame],
  ['an unknown sync sub-type', new Uint8Array([0, 9, 0]), CloseCode.malformedFrame],
  ['a truncated update frame', frame.slice(0, frame.length - 3), CloseCode.malformedFrame],
  ['an inflated length', frameWithLength(update.length + 1000, update), CloseCode.malformedFrame],
  ['a length over the update cap', frameWithLength(5_000_000, update), CloseCode.updateTooLarge],
  ['trailing bytes', new Uint8Array([...frame, 1, 2, 3]), CloseCode.malformedFrame],
  [
    'an update that is not Yjs',
    encodeUpdate(new Uint8Array([7, 200, 13, 99, 1])),
    CloseCode.malformedFrame,
  ],
  ['a text frame', 'hello', CloseCode.malformedFrame],
  ['a frame over the frame cap', new Uint8Array(70_000), CloseCode.frameTooLarge],
  [
    'an awareness frame of bad JSON',
    new Uint8Array([1, 6, 1, 5, 1, 2, 123, 125 + 1]),
    CloseCode.malformedFrame,
  ],
]

describe('[C10] bad frames', () => {
  let server: TestServer
  let bystanders: TestClient[]
  beforeEach(async () => {
    server = await startTestServer({
      HEARTH_MAX_FRAME_BYTES: '65536',
      HEARTH_MAX_UPDATE_BYTES: '32768',
    })
    const token = server.token()
    bystanders = [
      connectProvider(server.wsUrl, DOC, token),
      connectProvider(server.wsUrl, DOC, token),
    ]
    await Promise.all(bystanders.map((b) => b.synced()))
    bystanders[0]!.text.insert(0, 'before')
    await bystanders[0]!.saved()
  })
  afterEach(async () => {
    for (const b of bystanders) b.destroy()
    await server.close()
  })

  it.each(cases)(
    '%s closes only that connection, with its code, and changes nothing',
    async (_n, bytes, code) => {
      await server.sync.drain()
      const before = await server.store.load(DOC as DocName)
      const attacker = await openRawSocket(server.wsUrl, DOC, server.token())
      attacker.ws.send(bytes)
      expect(await attacker.closed).toBe(code)
      await server.sync.drain()
      expect(await server.store.load(DOC as DocName)).toEqual(before)
      // The others keep working.
      bystanders[1]!.text.insert(0, 'after ')
      await eventually(
        () => bystanders[0]!.text.toString() === 'after before',
        'bystanders still sync',
      )
      await bystanders[1]!.saved()
    },
  )

  it('a valid update on a raw socket is applied and acknowledged', async () => {
    const writer = await openRawSocket(server.wsUrl, DOC, server.token())
    writer.ws.send(frame)
    const ack = await writer.next((f) => decodeAck(f) !== null)
    expect(decodeAck(ack)).toBe(1)
    await eventually(() => bystanders[0]!.text.toString().includes('valid text'), 'relay')
    writer.ws.close()
  })

  it('a flood of updates is cut off with the rate-limit code', async () => {
    const flooder = await openRawSocket(server.wsUrl, DOC, server.token())
    for (let i = 0; i < 2000 && flooder.ws.readyState === flooder.ws.OPEN; i++) {
      flooder.ws.send(encodeUpdate(new Uint8Array([0, 0])))
    }
    expect(await flooder.closed).toBe(CloseCode.rateLimited)
  })
})
