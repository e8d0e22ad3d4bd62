import { describe, expect, it } from 'vitest'
import { SaveState } from './SaveState.ts'

describe('SaveState', () => {
  it('is saved only when every sent update is acknowledged', () => {
    const state = new SaveState()
    state.setConnected(true)
    expect(state.status).toBe('saved')
    state.sent()
    state.sent()
    expect(state.status).toBe('saving')
    state.acked(1)
    expect(state.status).toBe('saving')
    state.acked(2)
    expect(state.status).toBe('saved')
  })

  it('keeps offline edits unsaved until a new socket sends them', () => {
    const state = new SaveState()
    state.setConnected(false)
    state.localEdit()
    expect(state.status).toBe('offline-unsaved')
    state.reset()
    state.setConnected(true)
    expect(state.status).toBe('saving')
    state.sent()
    state.acked(1)
    expect(state.status).toBe('saved')
  })

  it('a new socket starts counting again', () => {
    const state = new SaveState()
    state.setConnected(true)
    state.sent()
    state.reset()
    expect(state.counts).toEqual({ sent: 0, acked: 0 })
  })

  it('a socket that closes before acknowledging leaves the edits unsaved', () => {
    const state = new SaveState()
    state.setConnected(true)
    state.sent()
    state.setConnected(false)
    expect(state.status).toBe('offline-unsaved')
    state.reset()
    state.setConnected(true)
    expect(state.status).toBe('saving')
    state.sent()
    state.acked(1)
    expect(state.status).toBe('saved')
  })

  it('says so when the server refuses edits', () => {
    const state = new SaveState()
    state.setConnected(true)
    state.sent()
    state.refused()
    expect(state.status).toBe('refused')
  })

  it('says "not saved" when the server cannot store edits, until it acknowledges them', () => {
    const state = new SaveState()
    state.setConnected(true)
    state.sent()
    state.notSaved()
    expect(state.status).toBe('not-saved')
    state.sent()
    expect(state.status).toBe('not-saved')
    state.acked(1)
    expect(state.status).toBe('not-saved')
    state.acked(2)
    expect(state.status).toBe('saved')
  })
})
