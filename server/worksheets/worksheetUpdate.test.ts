import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { worksheetUpdate } from './worksheetUpdate.ts'

const content = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'What helped this week?' }] }],
}

describe('a worksheet seed', () => {
  it('is the same update wherever it is made, so two instances seeding at once store it once', () => {
    const one = worksheetUpdate(content)
    const two = worksheetUpdate(structuredClone(content))
    expect(Buffer.compare(Buffer.from(one), Buffer.from(two))).toBe(0)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, one)
    Y.applyUpdate(doc, two)
    const text = doc.getXmlFragment(WORKSHEET_FRAGMENT).toString()
    expect(text.match(/What helped this week\?/g)).toHaveLength(1)
  })

  it('differs when the content differs', () => {
    const other = structuredClone(content)
    other.content[0]!.content[0]!.text = 'What was hard?'
    expect(
      Buffer.compare(Buffer.from(worksheetUpdate(content)), Buffer.from(worksheetUpdate(other))),
    ).not.toBe(0)
  })
})
