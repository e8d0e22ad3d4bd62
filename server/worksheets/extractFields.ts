import type { JSONContent } from '@tiptap/core'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'

/** One answer of a worksheet, reduced to what can be shown as plain text. */
export interface FieldAnswer {
  fieldId: string
  label: string
  /** The written answer as text (paragraphs joined by newlines), or the rating as a number. */
  text: string
  value: number | null
}

const textOf = (node: JSONContent): string =>
  node.type === 'text'
    ? (node.text ?? '')
    : (node.content ?? []).map(textOf).join(node.type === 'answerField' ? '\n' : '')

/**
 * The labelled fields of a worksheet document. Shared answers are copied as plain text: a peer
 * never receives rich content, links or attributes from someone else's sheet (C21).
 */
export function extractFields(doc: Y.Doc): Map<string, FieldAnswer> {
  const fields = new Map<string, FieldAnswer>()
  const visit = (node: JSONContent) => {
    const fieldId = node.attrs?.fieldId
    if (typeof fieldId === 'string' && fieldId) {
      const value = node.attrs?.value
      fields.set(fieldId, {
        fieldId,
        label: String(node.attrs?.label ?? ''),
        text: node.type === 'answerField' ? textOf(node) : '',
        value: typeof value === 'number' ? value : null,
      })
      return
    }
    for (const child of node.content ?? []) visit(child)
  }
  visit(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(WORKSHEET_FRAGMENT)))
  return fields
}
