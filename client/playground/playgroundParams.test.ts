import { describe, expect, it } from 'vitest'
import { parseDocName } from '../../shared/documents/docName.ts'
import { parsePlaygroundParams } from './playgroundParams.ts'

describe('parsePlaygroundParams', () => {
  it('defaults to the main document with write access', () => {
    expect(parsePlaygroundParams('')).toEqual({
      segment: 'main',
      docName: 'playground/main',
      access: 'write',
    })
  })

  it('reads the document and read access', () => {
    expect(parsePlaygroundParams('?doc=group-a_1&access=read')).toEqual({
      segment: 'group-a_1',
      docName: 'playground/group-a_1',
      access: 'read',
    })
  })

  it('treats any other access as write', () => {
    expect(parsePlaygroundParams('?access=admin').access).toBe('write')
  })

  it('forces the segment into lower-case letters, digits, _ and -', () => {
    expect(parsePlaygroundParams('?doc=My Notes!').segment).toBe('my-notes')
    expect(parsePlaygroundParams('?doc=../../secret').segment).toBe('secret')
    expect(parsePlaygroundParams('?doc=a/b').segment).toBe('a-b')
    expect(parsePlaygroundParams('?doc=__x').segment).toBe('x')
    expect(parsePlaygroundParams('?doc=Ünïcödé').segment).toBe('n-c-d')
  })

  it('falls back to main when nothing usable is left', () => {
    expect(parsePlaygroundParams('?doc=').segment).toBe('main')
    expect(parsePlaygroundParams('?doc=!!!').segment).toBe('main')
  })

  it('caps the length and always yields a valid document name', () => {
    for (const raw of ['x'.repeat(500), '-'.repeat(70) + 'a', 'a' + '-'.repeat(100) + 'b', '%00']) {
      const { docName, segment } = parsePlaygroundParams(`?doc=${encodeURIComponent(raw)}`)
      expect(segment.length).toBeLessThanOrEqual(64)
      expect(parseDocName(docName)).toBe(docName)
    }
  })
})
