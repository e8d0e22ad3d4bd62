import type { JSONContent } from '@tiptap/core'

/** A worksheet exercise in the template library. */
export interface WorksheetTemplate {
  /** Stable, lower-case: it becomes part of document names. */
  id: string
  title: string
  /** One or two sentences for the facilitator choosing an exercise. */
  summary: string
  /** Where the exercise comes from, for clinicians who want to read further. */
  source: string
  /** The starting document (ProseMirror JSON in the worksheet schema). */
  content: JSONContent
}

/** Builders that keep the templates readable. */
export const h = (level: 2 | 3, text: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
})

export const p = (text: string): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})

export const answer = (fieldId: string, label: string, hint = ''): JSONContent => ({
  type: 'answerField',
  attrs: { fieldId, label, hint },
  content: [{ type: 'paragraph' }],
})

export const rating = (
  fieldId: string,
  label: string,
  { min = 0, max = 10, minLabel = '', maxLabel = '' } = {},
): JSONContent => ({
  type: 'ratingField',
  attrs: { fieldId, label, min, max, step: 1, minLabel, maxLabel, value: null },
})

export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })
