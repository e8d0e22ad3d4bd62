import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useId } from 'react'

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

/**
 * A rating on a scale, as a native slider: keyboard operable, labelled, its value announced
 * with the scale's words. Until the person chooses, it has no value and shows no thumb; a
 * rating can be cleared again.
 */
export function RatingFieldView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const id = useId()
  const min = numberOr(node.attrs.min, 0)
  const max = numberOr(node.attrs.max, 10)
  const step = numberOr(node.attrs.step, 1)
  const value = typeof node.attrs.value === 'number' ? node.attrs.value : null
  const minLabel = String(node.attrs.minLabel ?? '')
  const maxLabel = String(node.attrs.maxLabel ?? '')
  const label = String(node.attrs.label ?? '')
  const scale = `from ${min}${minLabel ? ` (${minLabel})` : ''} to ${max}${maxLabel ? ` (${maxLabel})` : ''}`
  return (
    <NodeViewWrapper className="rating-field" contentEditable={false}>
      <label htmlFor={`${id}-input`} className="rating-field-label">
        {label}
      </label>
      <p className="field-hint" id={`${id}-scale`}>
        A scale {scale}.
      </p>
      <div className="rating-field-row">
        <span aria-hidden="true" className="rating-field-end">
          {minLabel || min}
        </span>
        <input
          id={`${id}-input`}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value ?? Math.round((min + max) / 2)}
          // Unset: no thumb is drawn, so the scale does not look answered (worksheets.css).
          data-unset={value === null || undefined}
          aria-valuetext={value === null ? 'Not rated yet' : String(value)}
          aria-describedby={`${id}-scale`}
          disabled={!editor.isEditable}
          onChange={(event) => updateAttributes({ value: Number(event.target.value) })}
        />
        <span aria-hidden="true" className="rating-field-end">
          {maxLabel || max}
        </span>
      </div>
      <div className="rating-field-result">
        <output htmlFor={`${id}-input`} className="rating-field-value">
          {value === null ? 'Not rated yet' : `Your rating: ${value}`}
        </output>
        {value !== null && editor.isEditable && (
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={`Clear the rating: ${label}`}
            onClick={() => updateAttributes({ value: null })}
          >
            Clear
          </button>
        )}
      </div>
    </NodeViewWrapper>
  )
}
