import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LINE_SIGNALS, SIGNALS_LIST, SIGNALS_SEEN } from '../../shared/signals/signalDocs.ts'
import { describeSignal, readLineSignals, readSessionSignals } from './signalSchemas.ts'

describe('silent signals', () => {
  it('says who signalled and what, in plain words', () => {
    expect(describeSignal({ kind: 'need-a-moment', name: 'Robin' })).toBe('Robin needs a moment.')
    expect(describeSignal({ kind: 'not-ok', name: 'Robin' })).toBe('Robin is not OK.')
    expect(
      describeSignal({
        kind: 'crisis',
        name: 'Anonymous member',
        category: 'self-harm',
        source: 'chat',
      }),
    ).toBe('A chat message from Anonymous member may be about self-harm.')
  })

  it('joins each signal with its seen mark and drops records it does not understand', () => {
    const doc = new Y.Doc()
    doc.getArray(SIGNALS_LIST).push([
      { id: 'a1', at: 1, kind: 'not-ok', name: 'Robin', colour: '#123456' },
      { id: 'a2', at: 2, kind: 'help', name: 'Sky', colour: '#123456' },
      { id: 'a3', at: 3, kind: 'need-a-moment', name: 'Sky', colour: '#123456' },
    ])
    doc.getMap(SIGNALS_SEEN).set('a1', { at: 5, by: 'Dr Co' })
    doc.getMap(SIGNALS_SEEN).set('a3', { at: 'soon' })
    expect(readSessionSignals(doc).map((s) => [s.id, s.seen])).toEqual([
      ['a1', { at: 5, by: 'Dr Co' }],
      ['a3', null],
    ])
  })

  it("lists a member's own signals newest first", () => {
    const doc = new Y.Doc()
    doc.getMap(LINE_SIGNALS).set('a1', { at: 1, kind: 'not-ok', seenAt: 4 })
    doc.getMap(LINE_SIGNALS).set('a2', { at: 2, kind: 'need-a-moment', seenAt: null })
    doc.getMap(LINE_SIGNALS).set('a3', { at: 3 })
    expect(readLineSignals(doc.getMap(LINE_SIGNALS)).map((s) => [s.id, s.seenAt])).toEqual([
      ['a2', null],
      ['a1', 4],
    ])
  })
})
