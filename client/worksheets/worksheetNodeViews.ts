import { ReactNodeViewRenderer } from '@tiptap/react'
import { AnswerField, RatingField } from '../../shared/worksheets/worksheetNodes.ts'
import { worksheetExtensions } from '../../shared/worksheets/worksheetSchema.ts'
import { AnswerFieldView } from './AnswerFieldView.tsx'
import { RatingFieldView } from './RatingFieldView.tsx'

const isWorksheetNode = (extension: { name: string }) =>
  extension.name === AnswerField.name || extension.name === RatingField.name

/** The worksheet schema of `shared/`, its fields drawn as interactive, accessible views. */
export function worksheetNodeViews() {
  return [
    ...worksheetExtensions().filter((extension) => !isWorksheetNode(extension)),
    AnswerField.extend({ addNodeView: () => ReactNodeViewRenderer(AnswerFieldView) }),
    RatingField.extend({ addNodeView: () => ReactNodeViewRenderer(RatingFieldView) }),
  ]
}
