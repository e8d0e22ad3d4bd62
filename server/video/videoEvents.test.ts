import { afterEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { firstDelivery } from './videoEvents.ts'

describe.each(DIALECTS)('LiveKit webhook ids on $name', ({ open }) => {
  let opened: OpenedData
  afterEach(async () => opened.close())

  it('handles each webhook once, whichever instances it is delivered to, at once or later', async () => {
    opened = await open()
    const instances = [opened.data, opened.another(), opened.another()]
    const deliveries = await Promise.all(
      Array.from({ length: 12 }, (_, i) => firstDelivery(instances[i % 3]!, 'EV_same', 1_000 + i)),
    )
    expect(deliveries.filter(Boolean)).toHaveLength(1)
    expect(await firstDelivery(instances[1]!, 'EV_same', 9_000)).toBe(false)
    expect(await firstDelivery(instances[2]!, 'EV_other', 9_000)).toBe(true)
  })
})
