import { mergeAttributes, Node } from '@tiptap/core'

/**
 * The structured fields of a worksheet, as TipTap nodes. Shared by the client (which adds the
 * interactive views) and the server (which builds the schema to seed new worksheets), so both
 * agree on the document's shape. Every field has a stable `fieldId`, so a member can share one
 * answer and its template can say what each field means.
 */

/** A labelled free-text answer: one or more paragraphs the member writes. */
export const AnswerField = Node.create({
  name: 'answerField',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return {
      fieldId: { default: null },
      label: { default: '' },
      hint: { default: '' },
    }
  },
  parseHTML() {
    return [{ tag: 'section[data-answer-field]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-answer-field': '' }), 0]
  },
})

/** A rating on a scale (e.g. intensity of an emotion, 0–100). The value is an attribute. */
export const RatingField = Node.create({
  name: 'ratingField',
  group: 'block',
  atom: true,
  addAttributes() {
    return {
      fieldId: { default: null },
      label: { default: '' },
      min: { default: 0 },
      max: { default: 10 },
      step: { default: 1 },
      minLabel: { default: '' },
      maxLabel: { default: '' },
      value: { default: null },
    }
  },
  parseHTML() {
    return [{ tag: 'div[data-rating-field]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-rating-field': '' })]
  },
})

export const WORKSHEET_NODES = [AnswerField, RatingField]
