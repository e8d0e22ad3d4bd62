import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useId } from 'react'

/**
 * A labelled answer: the label is a real heading (screen readers can jump between answers),
 * the hint says what to write, and the member's paragraphs are editable below.
 */
export function AnswerFieldView({ node }: ReactNodeViewProps) {
  const id = useId()
  const label = String(node.attrs.label ?? '')
  const hint = String(node.attrs.hint ?? '')
  return (
    // A group, not a region: two sheets of one exercise open side by side (the group's and
    // one's own, or a sheet and its snapshot) would otherwise make landmarks with equal names.
    <NodeViewWrapper
      as="div"
      role="group"
      className="answer-field"
      aria-labelledby={`${id}-label`}
      data-field-id={String(node.attrs.fieldId ?? '')}
    >
      <h3 className="answer-field-label" id={`${id}-label`} contentEditable={false}>
        {label}
      </h3>
      {hint && (
        <p className="answer-field-hint" contentEditable={false}>
          {hint}
        </p>
      )}
      <NodeViewContent className="answer-field-content" />
    </NodeViewWrapper>
  )
}
