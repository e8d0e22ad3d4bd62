import { describe, expect, it } from 'vitest'
import type { CallPerson } from './callTypes.ts'
import { noteSpeakers, speakingTimes } from './speakingTime.ts'

const person = (name: string, speaking: boolean): CallPerson => ({
  identity: `v${name}`,
  name,
  role: 'member',
  isLocal: false,
  speaking,
  microphoneOn: true,
  cameraOn: false,
  attachCamera: null,
})

describe('speaking time', () => {
  it('is unknown before a call, then adds up each turn, the one still going included, per session', () => {
    expect(speakingTimes('s1', 0)).toBeNull()
    noteSpeakers('s1', [person('Robin', true), person('Sky', false)], 1000)
    noteSpeakers('s1', [person('Robin', false), person('Sky', true)], 4000)
    noteSpeakers('s1', [person('Robin', true), person('Sky', true)], 5000)
    expect(speakingTimes('s1', 6000)).toEqual(
      new Map([
        ['Robin', 3000 + 1000],
        ['Sky', 2000],
      ]),
    )
    // Another session's call starts from nothing.
    expect(speakingTimes('s2', 6000)).toBeNull()
    noteSpeakers('s2', [person('Robin', false)], 7000)
    expect(speakingTimes('s2', 8000)).toEqual(new Map())
  })
})
