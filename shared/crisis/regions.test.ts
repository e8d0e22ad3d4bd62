import { describe, expect, it } from 'vitest'
import { crisisLine, regionResources } from './crisisResources.ts'
import { CRISIS_REGIONS, REGION_LABELS, crisisRegion } from './regions.ts'

describe('crisis regions', () => {
  it('labels every region, and only those', () => {
    expect(Object.keys(REGION_LABELS).sort()).toEqual([...CRISIS_REGIONS].sort())
  })

  it.each(['US', 'GB', 'other'])('accepts %s', (region) => {
    expect(crisisRegion.parse(region)).toBe(region)
  })

  it.each(['us', 'UK', 'XX', '', 'Other'])('refuses %j', (region) => {
    expect(crisisRegion.safeParse(region).success).toBe(false)
  })
})

describe('crisis resources as they cross the wire', () => {
  const region = {
    region: 'GB',
    label: 'United Kingdom',
    emergency: '999',
    lines: [{ name: 'Samaritans', phone: '116 123', url: 'https://www.samaritans.org' }],
    sources: ['https://www.samaritans.org'],
  }

  it('parses a region', () => {
    expect(regionResources.parse(region)).toEqual(region)
  })

  it.each([
    ['an http link', { name: 'x', url: 'http://example.org' }],
    ['a javascript: link', { name: 'x', url: 'javascript:alert(1)' }],
    ['letters in a number', { name: 'x', phone: 'ring us' }],
    ['an unknown field', { name: 'x', html: '<b>x</b>' }],
    ['no name', { phone: '999' }],
  ])('refuses a line with %s', (_, line) => {
    expect(crisisLine.safeParse(line).success).toBe(false)
  })

  it('refuses a region without lines or sources', () => {
    expect(regionResources.safeParse({ ...region, lines: [] }).success).toBe(false)
    expect(regionResources.safeParse({ ...region, sources: [] }).success).toBe(false)
  })
})
