import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { regionResources } from '../../shared/crisis/crisisResources.ts'
import { CRISIS_REGIONS } from '../../shared/crisis/regions.ts'
import { DEFAULT_RESOURCES } from './defaultResources.ts'
import { findRisk } from './findRisk.ts'
import { loadCrisisConfig, resourcesFor } from './loadCrisisConfig.ts'

const dir = mkdtempSync(join(tmpdir(), 'hearth-crisis-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
function file(content: unknown): string {
  const path = join(dir, `file-${++files}.json`)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const localLine = {
  label: 'United Kingdom',
  emergency: '999',
  lines: [{ name: 'Our local line', phone: '0800 000 000' }],
  sources: ['https://example.org/our-local-line'],
}

describe('default crisis resources', () => {
  it.each(CRISIS_REGIONS)('%s has lines, an emergency number and an https source', (region) => {
    const { resources } = loadCrisisConfig({})
    const entry = resources.get(region)!
    expect(regionResources.parse(entry)).toEqual(entry)
    expect(entry.region).toBe(region)
    expect(entry.lines.length).toBeGreaterThan(0)
    expect(entry.sources.length).toBeGreaterThan(0)
    for (const source of entry.sources) expect(source).toMatch(/^https:\/\//)
    if (region === 'other') expect(entry.emergency).toMatch(/local emergency number/)
    else expect(entry.emergency).toMatch(/^\d{3}\b/)
  })

  it('ships nothing but the regions CRISIS_REGIONS lists', () => {
    expect(Object.keys(DEFAULT_RESOURCES).sort()).toEqual([...CRISIS_REGIONS].sort())
  })

  it("'other' points to an international directory rather than a number", () => {
    const other = loadCrisisConfig({}).resources.get('other')!
    expect(other.lines.map((line) => line.url)).toContain('https://findahelpline.com')
    expect(other.lines.some((line) => line.phone)).toBe(false)
  })
})

describe('resourcesFor', () => {
  const { resources } = loadCrisisConfig({})

  it.each(['US', 'DE', 'other'])('gives %s its own resources', (region) => {
    expect(resourcesFor(resources, region).region).toBe(region)
  })

  it.each(['PT', 'XX', '', 'constructor'])("falls back to 'other' for %j", (region) => {
    expect(resourcesFor(resources, region).region).toBe('other')
  })
})

describe('a deployment’s files', () => {
  it('add phrases to a locale and add a new locale, keeping the defaults', () => {
    const { phrases } = loadCrisisConfig({
      phrasesFile: file({
        en: [{ category: 'self-harm', phrase: 'relapsed (tonight|again)' }],
        it: [{ category: 'suicide', phrase: '(voglio|vorrei) morire' }],
      }),
    })
    expect(findRisk('I relapsed tonight', phrases)).toEqual({ category: 'self-harm', locale: 'en' })
    expect(findRisk('Voglio morire', phrases)).toEqual({ category: 'suicide', locale: 'it' })
    expect(findRisk('I want to die', phrases)).toEqual({ category: 'suicide', locale: 'en' })
  })

  it('replace a region whole and leave the others alone', () => {
    const { resources } = loadCrisisConfig({ resourcesFile: file({ GB: localLine }) })
    expect(resourcesFor(resources, 'GB')).toEqual({ ...localLine, region: 'GB' })
    expect(resourcesFor(resources, 'IE')).toEqual(DEFAULT_RESOURCES.IE)
  })

  it('may replace the international fallback too', () => {
    const { resources } = loadCrisisConfig({
      resourcesFile: file({ other: { ...localLine, label: 'Elsewhere', region: 'other' } }),
    })
    expect(resourcesFor(resources, 'PT').lines[0]!.name).toBe('Our local line')
  })
})

describe('a malformed file stops the server, naming the file and what is wrong', () => {
  it.each<[string, unknown, RegExp]>([
    ['not JSON', '{"en": [', /JSON/],
    ['a list instead of a map', [], /\(top level\)/],
    ['an unknown category', { en: [{ category: 'sadness', phrase: 'x' }] }, /en\[0\]\.category/],
    ['an empty phrase', { en: [{ category: 'abuse', phrase: ' ' }] }, /en\[0\]\.phrase/],
    ['an extra key', { en: [{ category: 'abuse', phrase: 'x', weight: 2 }] }, /en\[0\]/],
    ['a bad locale', { English: [] }, /English/],
    [
      'a pattern that does not parse',
      {
        fr: [
          { category: 'suicide', phrase: 'ok' },
          { category: 'suicide', phrase: '(je|tu' },
        ],
      },
      /fr\[1\]\.phrase: risk phrase "\(je\|tu": a "\)" is missing/,
    ],
  ])('phrases: %s', (_, content, problem) => {
    const path = file(content)
    expect(() => loadCrisisConfig({ phrasesFile: path })).toThrow(
      expect.objectContaining({ message: expect.stringContaining(path) }),
    )
    expect(() => loadCrisisConfig({ phrasesFile: path })).toThrow(problem)
  })

  it.each<[string, unknown, RegExp]>([
    ['an unknown region', { XX: localLine }, /unknown region XX \(known: US, CA/],
    ['no emergency number', { GB: { ...localLine, emergency: undefined } }, /GB\.emergency/],
    ['no sources', { GB: { ...localLine, sources: [] } }, /GB\.sources/],
    ['an http source', { GB: { ...localLine, sources: ['http://x.org'] } }, /GB\.sources\[0\]/],
    [
      'a javascript: link',
      { GB: { ...localLine, lines: [{ name: 'x', url: 'javascript:alert(1)' }] } },
      /GB\.lines\[0\]\.url/,
    ],
    [
      'letters in a phone number',
      { GB: { ...localLine, lines: [{ name: 'x', phone: 'call me' }] } },
      /GB\.lines\[0\]\.phone/,
    ],
    ['a region that disagrees with its key', { GB: { ...localLine, region: 'IE' } }, /GB\.region/],
  ])('resources: %s', (_, content, problem) => {
    const path = file(content)
    expect(() => loadCrisisConfig({ resourcesFile: path })).toThrow(
      expect.objectContaining({ message: expect.stringContaining(path) }),
    )
    expect(() => loadCrisisConfig({ resourcesFile: path })).toThrow(problem)
  })

  it('a missing file is named', () => {
    const path = join(dir, 'nowhere.json')
    expect(() => loadCrisisConfig({ resourcesFile: path })).toThrow(path)
  })
})
