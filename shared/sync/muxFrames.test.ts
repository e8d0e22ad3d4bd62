import { describe, expect, it } from 'vitest'
import { decodeMuxFrame, encodeChannelFrame, encodeControl, MAX_CHANNEL } from './muxFrames.ts'

describe('mux frames', () => {
  it('round-trips every control message and data on small and large channel numbers', () => {
    const controls = [
      { op: 'open', channel: 1, doc: 'g/x/s/y/room' },
      { op: 'close', channel: 300 },
      { op: 'opened', channel: 70_000 },
      { op: 'closed', channel: MAX_CHANNEL, code: 4403, reason: 'forbidden' },
    ] as const
    for (const message of controls) {
      expect(decodeMuxFrame(encodeControl(message))).toEqual({ kind: 'control', message })
    }
    const payload = new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5])
    for (const channel of [1, 127, 128, 16_383, 16_384, 2_097_152, 2 ** 28, MAX_CHANNEL]) {
      const decoded = decodeMuxFrame(encodeChannelFrame(channel, payload))
      expect(decoded).toEqual({ kind: 'data', channel, payload })
    }
  })

  it('names what is wrong with a bad frame instead of throwing', () => {
    expect(decodeMuxFrame(new Uint8Array([]))).toEqual({ kind: 'bad', reason: 'truncated frame' })
    expect(decodeMuxFrame(new Uint8Array([0, 7, 1]))).toMatchObject({ kind: 'bad' })
    expect(decodeMuxFrame(new Uint8Array([0, 1, 0]))).toEqual({
      kind: 'bad',
      reason: 'channel out of range',
    })
    expect(decodeMuxFrame(new Uint8Array([0, 1, 1, 9]))).toEqual({
      kind: 'bad',
      reason: 'trailing bytes',
    })
    // A channel number past 2^31 − 1.
    expect(decodeMuxFrame(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x08, 0]))).toEqual({
      kind: 'bad',
      reason: 'channel out of range',
    })
  })
})
