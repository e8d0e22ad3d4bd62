import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import { refusalText } from './refusalText.ts'

describe('refusalText', () => {
  it('says plainly why a document stopped saving', () => {
    expect(refusalText(CloseCode.documentFull)).toMatch(/full/)
    expect(refusalText(CloseCode.updateTooLarge)).toMatch(/too large/)
    expect(refusalText(CloseCode.forbidden)).toMatch(/no longer open/)
  })
})
