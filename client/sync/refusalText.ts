import { CloseCode } from '../../shared/sync/closeCodes.ts'

/** What to tell a person when the server refused a document for good (a 44xx close). */
export function refusalText(code: number): string {
  if (code === CloseCode.documentFull) {
    return 'This worksheet is full, so your last change could not be saved. Copy anything you need; your facilitator can give you a fresh one.'
  }
  if (code === CloseCode.documentDamaged) {
    return 'Part of this worksheet could not be loaded, so it can only be read for now. Hearth has logged it for the people who run this server.'
  }
  if (code === CloseCode.updateTooLarge) {
    return 'That change was too large to save. Try pasting less at once.'
  }
  return 'This worksheet is no longer open to you.'
}
