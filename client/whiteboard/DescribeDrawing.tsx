import { useId, useState, type FormEvent } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { announce } from '../ui/announce.ts'
import { TextField } from '../ui/TextField.tsx'

/** Long enough for a few sentences about a drawing; the layer's cap bounds the rest. */
export const DESCRIPTION_MAX = 300

/**
 * The author's own words about their drawing, for those who do not see it: kept on the shapes
 * (their `meta.description`, in the author's layer) and read out in the canvas's text list.
 */
export function DescribeDrawing({ editor, ids }: { editor: Editor; ids: TLShapeId[] }) {
  const id = useId()
  const first = editor.getShape(ids[0]!)
  const [text, setText] = useState(
    typeof first?.meta.description === 'string' ? first.meta.description : '',
  )
  const save = (event: FormEvent) => {
    event.preventDefault()
    const description = text.trim().slice(0, DESCRIPTION_MAX)
    editor.updateShapes(
      ids.flatMap((shapeId) => {
        const shape = editor.getShape(shapeId)
        return shape
          ? [{ id: shapeId, type: shape.type, meta: { ...shape.meta, description } }]
          : []
      }),
    )
    announce(description ? 'Your description is saved.' : 'Your description is removed.')
  }
  return (
    <form className="actions describe-drawing" onSubmit={save}>
      <TextField
        id={`${id}-description`}
        label={ids.length === 1 ? 'Describe your drawing' : `Describe your ${ids.length} drawings`}
        hint="Read out to people who use a screen reader, wherever this drawing is seen."
        value={text}
        maxLength={DESCRIPTION_MAX}
        onChange={setText}
      />
      <button type="submit" className="button button--secondary button--small">
        Save the description
      </button>
    </form>
  )
}
