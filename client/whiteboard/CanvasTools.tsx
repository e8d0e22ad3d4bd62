import { useValue, type TLContent, type TLShape } from 'tldraw'
import { DescribeDrawing } from './DescribeDrawing.tsx'
import { useAction } from '../ui/useAction.ts'
import { announce } from '../ui/announce.ts'
import type { CanvasReady } from './CanvasEditor.tsx'
import { bringPicturesAlong } from './canvasPictures.ts'

/** Marks a copy a member placed on the group canvas from their own, to take it back later. */
export const SHARED_COPY = 'sharedCopy'

interface CanvasToolsProps {
  sessionId: string
  ready: CanvasReady | null
  which: 'group' | 'mine'
  role: 'facilitator' | 'member'
  canDraw: boolean
  /** A facilitator on the group canvas: locks and unlocks single drawings. */
  facilitator: boolean
  /** Carries a copy of drawings from one's own canvas to the group canvas. */
  onShare: (content: TLContent) => void
}

/** What this person may take: their own shapes; a facilitator on the group canvas, all. */
function exportable(ready: CanvasReady, which: 'group' | 'mine', role: string): TLShape[] {
  const shapes = ready.editor.getCurrentPageShapes()
  return which === 'group' && role !== 'facilitator'
    ? shapes.filter((s) => ready.isMine(s.id))
    : shapes
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * Beside a canvas: share a copy of one's own drawings with the group and take it back, save
 * drawings as PNG or SVG, and a text list of what is on the canvas for those who do not see it.
 */
export function CanvasTools({
  sessionId,
  ready,
  which,
  role,
  canDraw,
  facilitator,
  onShare,
}: CanvasToolsProps) {
  const { problem, run } = useAction()
  // What this screen shows, read again as it changes (and as shapes change hands: a new one
  // becomes this person's a frame after it is drawn): during a gallery walk, not the works
  // still to be revealed.
  const shapes = useValue(
    'shapes',
    () => {
      if (!ready) return []
      const { editor, binding } = ready
      binding.version()
      return editor.getCurrentPageShapes().filter((s) => !editor.isShapeHidden(s))
    },
    [ready],
  )
  const selected = useValue('selected', () => ready?.editor.getSelectedShapeIds() ?? [], [ready])
  if (!ready) return null
  const { editor, isMine } = ready
  const mineShared = shapes.filter((s) => isMine(s.id) && s.meta[SHARED_COPY] === true)
  const locked = shapes.filter((s) => s.isLocked && ready.binding.sourceOf(s.id)?.role === 'page')
  // What this person may describe: their own drawings among those selected.
  const describable = which === 'mine' ? selected : selected.filter((id) => isMine(id))
  const take = exportable(ready, which, role)
  const save = (format: 'png' | 'svg') =>
    run(async () => {
      if (take.length === 0)
        throw new Error('There is nothing of yours to save on this canvas yet.')
      if (format === 'svg') {
        const svg = await editor.getSvgString(take, { background: true })
        if (svg) download(new Blob([svg.svg], { type: 'image/svg+xml' }), 'drawing.svg')
      } else {
        const { blob } = await editor.toImage(take, { format: 'png', background: true })
        download(blob, 'drawing.png')
      }
    })
  return (
    <div className="stack-small">
      <div className="actions">
        {which === 'mine' && canDraw && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              void run(async () => {
                const selected = editor.getSelectedShapeIds()
                const ids = selected.length > 0 ? selected : shapes.map((s) => s.id)
                const content = editor.getContentFromCurrentPage(ids)
                if (!content) throw new Error('Draw something first.')
                await bringPicturesAlong(sessionId, content)
                onShare({
                  ...content,
                  shapes: content.shapes.map((s) => ({
                    ...s,
                    meta: { ...s.meta, [SHARED_COPY]: true },
                  })),
                })
              })
            }
          >
            Share a copy with the group
          </button>
        )}
        {which === 'group' && canDraw && mineShared.length > 0 && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              editor.deleteShapes(mineShared.map((s) => s.id))
              announce('Your shared copy is no longer on the group canvas.')
            }}
          >
            Take back what I shared
          </button>
        )}
        {facilitator && (
          <>
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={selected.length === 0}
              onClick={() => {
                ready.binding.lock(selected)
                announce('Locked: nobody but a facilitator can move or erase it now.')
              }}
            >
              Lock the selected drawing
            </button>
            {locked.length > 0 && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => {
                  ready.binding.unlock(locked.map((s) => s.id))
                  announce('Every locked drawing is back with its author.')
                }}
              >
                Unlock all drawings ({locked.length})
              </button>
            )}
          </>
        )}
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void save('png')}
        >
          Save as PNG
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void save('svg')}
        >
          Save as SVG
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {canDraw && describable.length > 0 && (
        <DescribeDrawing key={describable.join(' ')} editor={editor} ids={describable} />
      )}
      <details>
        <summary>What is on this canvas, as text ({shapes.length})</summary>
        <ul className="plain-list">
          {shapes.map((s) => (
            <li key={s.id}>
              {describeShape(s)}
              {which === 'group' &&
                (isMine(s.id)
                  ? ' — yours'
                  : ready.binding.sourceOf(s.id)?.role === 'page'
                    ? s.isLocked
                      ? ' — locked by a facilitator'
                      : ' — the facilitators’'
                    : ' — someone else’s')}
            </li>
          ))}
        </ul>
      </details>
    </div>
  )
}

const NAMES: Record<string, string> = {
  draw: 'A freehand drawing',
  geo: 'A shape',
  arrow: 'An arrow',
  text: 'Some text',
  note: 'A sticky note',
  line: 'A line',
  highlight: 'A highlighted stroke',
  image: 'An image',
  frame: 'A frame',
}

function describeShape(shape: TLShape): string {
  const description = shape.meta.description
  const kind =
    shape.type === 'geo' && 'geo' in shape.props
      ? `A ${String(shape.props.geo)}`
      : (NAMES[shape.type] ?? 'A drawing')
  return typeof description === 'string' && description ? `${kind}: ${description}` : kind
}
