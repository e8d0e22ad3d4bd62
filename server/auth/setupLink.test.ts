import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { consumeSetupLink, issueSetupLink, setupLinkIsOpen } from './setupLink.ts'

const NOW = 1_700_000_000_000
const DAY = 24 * 60 * 60 * 1000

describe.each(DIALECTS)('the set-up link on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  const tokenOf = (url: string) => url.split('#')[1]!

  it('opens until used once or a day old; an unknown token opens nothing', async () => {
    const { data } = opened
    const url = await issueSetupLink(data, 'https://hearth.example', NOW)
    expect(url).toMatch(/^https:\/\/hearth\.example\/setup#/)
    const token = tokenOf(url)
    expect(await setupLinkIsOpen(data, token, NOW + DAY - 1)).toBe(true)
    expect(await setupLinkIsOpen(data, token, NOW + DAY)).toBe(false)
    expect(await consumeSetupLink(data, token, NOW + DAY)).toBe(false)
    expect(await consumeSetupLink(data, 'not-a-token', NOW)).toBe(false)
    expect(await consumeSetupLink(data, token, NOW + 1)).toBe(true)
    expect(await setupLinkIsOpen(data, token, NOW + 2)).toBe(false)
    expect(await consumeSetupLink(data, token, NOW + 2)).toBe(false)
  })

  it('is used up by one of several instances claiming it at once', async () => {
    const token = tokenOf(await issueSetupLink(opened.data, 'https://hearth.example', NOW))
    const instances = [opened.data, opened.another(), opened.another()]
    const claims = await Promise.all(
      Array.from({ length: 9 }, (_, i) => consumeSetupLink(instances[i % 3]!, token, NOW + i)),
    )
    expect(claims.filter(Boolean)).toHaveLength(1)
  })
})
