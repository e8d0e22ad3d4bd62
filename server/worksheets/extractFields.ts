import type { JSONContent } from '@tiptap/core'

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
 * The labelled fields of a worksheet's content (see `readWorksheet`). Shared answers are copied as plain text: a peer
 * never receives rich content, links or attributes from someone else's sheet (C21).
 */
export function extractFields(root: JSONContent): Map<string, FieldAnswer> {
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
  visit(root)
  return fields
}
