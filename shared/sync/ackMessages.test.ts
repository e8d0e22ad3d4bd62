import { describe, expect, it } from 'vitest'
import { decodeAck, encodeAck, encodeAckRequest, isUpdateFrame } from './ackMessages.ts'

describe('ack messages', () => {
  it('round-trips a count', () => {
    for (const n of [0, 1, 127, 128, 2 ** 31]) expect(decodeAck(encodeAck(n))).toBe(n)
  })

  it('is not confused by other frames', () => {
    expect(decodeAck(encodeAckRequest())).toBeNull()
    expect(decodeAck(new Uint8Array([0, 2, 0]))).toBeNull()
    expect(decodeAck(new Uint8Array([101]))).toBeNull()
  })

  it('recognises update frames only', () => {
    expect(isUpdateFrame(new Uint8Array([0, 1, 0]))).toBe(true)
    expect(isUpdateFrame(new Uint8Array([0, 2, 0]))).toBe(true)
    expect(isUpdateFrame(new Uint8Array([0, 0, 0]))).toBe(false)
    expect(isUpdateFrame(new Uint8Array([1, 2, 0]))).toBe(false)
  })
})
