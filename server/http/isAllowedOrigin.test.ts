import { describe, expect, it } from 'vitest'
import { isAllowedOrigin } from './isAllowedOrigin.ts'

describe('[C12] isAllowedOrigin', () => {
  const configured = new Set(['https://hearth.example'])

  it('accepts configured origins only, when a public origin is set', () => {
    expect(isAllowedOrigin('https://hearth.example', 443, configured, false)).toBe(true)
    expect(isAllowedOrigin('http://localhost:8787', 8787, configured, false)).toBe(false)
    expect(isAllowedOrigin('https://evil.example', 443, configured, false)).toBe(false)
  })

  it('without one, accepts loopback origins on the server port only', () => {
    expect(isAllowedOrigin('http://localhost:8787', 8787, configured, true)).toBe(true)
    expect(isAllowedOrigin('http://127.0.0.1:8787', 8787, configured, true)).toBe(true)
    expect(isAllowedOrigin('http://[::1]:8787', 8787, configured, true)).toBe(true)
    expect(isAllowedOrigin('http://localhost:9999', 8787, configured, true)).toBe(false)
    expect(isAllowedOrigin('http://evil.localhost.example:8787', 8787, configured, true)).toBe(
      false,
    )
    expect(isAllowedOrigin('null', 8787, configured, true)).toBe(false)
  })
})
