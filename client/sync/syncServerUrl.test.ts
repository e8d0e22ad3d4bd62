import { describe, expect, it } from 'vitest'
import { syncServerUrl } from './syncServerUrl.ts'

describe('syncServerUrl', () => {
  it('uses ws on plain HTTP and keeps the port', () => {
    expect(syncServerUrl({ protocol: 'http:', host: '127.0.0.1:8787' })).toBe(
      'ws://127.0.0.1:8787/sync',
    )
  })

  it('uses wss on HTTPS', () => {
    expect(syncServerUrl({ protocol: 'https:', host: 'hearth.example' })).toBe(
      'wss://hearth.example/sync',
    )
  })
})
