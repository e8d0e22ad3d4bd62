import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import type { AccessEvent } from './Fanout.ts'
import { decodeFanoutFrame, encodeAccessFrame, encodeDocFrame } from './fanoutFrames.ts'

const from = randomBytes(16)
const doc = 'g1/s1/sheet/ü' as DocName

describe('messages between instances', () => {
  it('carry the sender, the document and the payload, byte for byte', () => {
    const payload = randomBytes(300)
    const frame = decodeFanoutFrame(encodeDocFrame('update', from, doc, payload))
    expect(frame).toMatchObject({ kind: 'update', doc })
    expect(Buffer.compare(Buffer.from(frame!.from), from)).toBe(0)
    expect(frame!.kind !== 'access' && Buffer.compare(Buffer.from(frame!.payload), payload)).toBe(0)
    expect(
      decodeFanoutFrame(encodeDocFrame('presence', from, doc, new Uint8Array(0))),
    ).toMatchObject({ kind: 'presence', doc })
  })

  it('carry access events as plain data', () => {
    const events: AccessEvent[] = [
      { kind: 'logins-ended', loginHashes: ['a', 'b'] },
      { kind: 'reauthorize', scope: { docPrefix: 'g1/', people: { kind: 'member', ids: ['m2'] } } },
      { kind: 'reauthorize', scope: { docs: ['g1/s1/room'] } },
      { kind: 'forgotten', docs: ['g1/s1/line/abc'] },
      { kind: 'typing', chat: 'g/g1/s/s1/chat', person: 'k', name: null, typing: true },
      { kind: 'writer', sessionId: 's1', messageId: 'm1', memberId: 'mem1' },
      { kind: 'writers-of-member-forgotten', memberId: 'mem1' },
    ]
    for (const event of events) {
      expect(decodeFanoutFrame(encodeAccessFrame(from, event))).toMatchObject({
        kind: 'access',
        event,
      })
    }
  })

  it('that are malformed read as null, whatever their bytes', () => {
    const good = encodeDocFrame('update', from, doc, Uint8Array.of(1, 2, 3))
    const access = (json: string) => Buffer.concat([Buffer.of(3), from, Buffer.from(json)])
    const bad = [
      new Uint8Array(0),
      good.subarray(0, 10),
      Buffer.concat([Buffer.of(9), good.subarray(1)]),
      // A name longer than the message.
      Buffer.concat([good.subarray(0, 17), Buffer.of(0xff, 0xff), Buffer.from('x')]),
      // A name that is not UTF-8.
      Buffer.concat([good.subarray(0, 17), Buffer.of(0, 2, 0xc3, 0x28)]),
      access('{not json'),
      access('{"kind":"reauthorize","scope":{"everyone":"yes"}}'),
      access('{"kind":"reauthorize","scope":{"people":{"kind":"token"}}}'),
      access('{"kind":"reauthorize","scope":{"docs":[1]}}'),
      access('{"kind":"logins-ended","loginHashes":[1]}'),
      access('{"kind":"forgotten","docs":"g1"}'),
      access('{"kind":"typing","chat":"c","person":"k","name":7,"typing":true}'),
      access('{"kind":"writer","sessionId":"s1","messageId":"m1"}'),
      access('{"kind":"drop-tables"}'),
      access('null'),
    ]
    for (const frame of bad) expect(decodeFanoutFrame(frame)).toBeNull()
    for (let i = 0; i < 2_000; i++) {
      const noise = randomBytes(Math.floor(Math.random() * 60))
      expect(() => decodeFanoutFrame(noise)).not.toThrow()
    }
  })
})
