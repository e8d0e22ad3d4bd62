import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { answer, doc, h, rating } from '../../shared/worksheets/WorksheetTemplate.ts'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { worksheetSchema } from '../../shared/worksheets/worksheetSchema.ts'
import { listFields } from './listFields.ts'

describe('listFields', () => {
  it('lists answers and ratings in order, by id and label', () => {
    const ydoc = prosemirrorJSONToYDoc(
      worksheetSchema(),
      doc(h(2, 'Situation'), answer('situation', 'What happened?'), rating('mood', 'Mood')),
      WORKSHEET_FRAGMENT,
    )
    expect(listFields(ydoc)).toEqual([
      { fieldId: 'situation', label: 'What happened?' },
      { fieldId: 'mood', label: 'Mood' },
    ])
  })
})
