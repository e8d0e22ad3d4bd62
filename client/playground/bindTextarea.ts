import type * as Y from 'yjs'
import { diffText } from './diffText.ts'
import { mapIndex, type TextDelta } from './mapIndex.ts'

/** The part of a `<textarea>` the binding uses (a small fake in unit tests). */
export interface TextareaLike {
  value: string
  selectionStart: number
  selectionEnd: number
  selectionDirection: 'forward' | 'backward' | 'none'
  scrollTop: number
  setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void
  addEventListener(type: TextareaEvent, listener: (event: Event) => void): void
  removeEventListener(type: TextareaEvent, listener: (event: Event) => void): void
}

type TextareaEvent = 'input' | 'compositionstart' | 'compositionend'

/**
 * Keeps a textarea and a Y.Text equal. Each local input becomes one minimal splice in one
 * transaction; each remote change rewrites the value and maps the caret and selection through
 * the change, so a peer's typing never moves the local caret off its characters.
 *
 * While an input method is composing (accented letters, CJK, most phone keyboards), writing the
 * value would cancel the composition, so remote changes wait until it ends.
 *
 * Textareas turn "\r\n" into "\n". Every writer of these texts is a textarea, so they never hold
 * "\r"; if one did, the next local edit would remove its "\r"s in a wider splice than needed.
 *
 * Returns a function that unbinds.
 */
export function bindTextarea(textarea: TextareaLike, text: Y.Text): () => void {
  const origin = Symbol('textarea')
  // The text the textarea was last rendered from. Local splices are computed against it.
  let shown = text.toString()
  let composing = false
  // Remote changes received during a composition, not yet rendered.
  let deferred: TextDelta[] = []

  const render = (mapCaret: (index: number) => number) => {
    const start = mapCaret(textarea.selectionStart)
    const end = mapCaret(textarea.selectionEnd)
    const direction = textarea.selectionDirection
    const scrollTop = textarea.scrollTop
    shown = text.toString()
    textarea.value = shown
    textarea.setSelectionRange(start, end, direction)
    textarea.scrollTop = scrollTop
  }

  /** Applies any local change, then renders any remote ones, so that neither is lost. */
  const flushLocal = () => {
    const pending = deferred
    deferred = []
    const throughPending = (index: number) => pending.reduce((i, d) => mapIndex(d, i), index)
    const value = textarea.value
    if (value === shown) {
      if (pending.length > 0) render(throughPending)
      return
    }
    const splice = diffText(shown, value, textarea.selectionEnd)
    // The splice is in the coordinates of `shown`; remote changes may have moved the text since.
    const from = throughPending(splice.index)
    const to = Math.max(from, throughPending(splice.index + splice.remove))
    const doc = text.doc
    if (!doc) throw new Error('bindTextarea: the Y.Text must belong to a Y.Doc')
    doc.transact(() => {
      if (to > from) text.delete(from, to - from)
      if (splice.insert) text.insert(from, splice.insert)
    }, origin)
    shown = value
    if (pending.length > 0) {
      // Mapping a selection through both edits is not worth it: put the caret after the new text.
      const caret = from + splice.insert.length
      render(() => caret)
    }
  }

  const onInput = (event: Event) => {
    // Chrome sends the last input of a composition before `compositionend`; that event flushes.
    if (composing || (event as InputEvent).isComposing) return
    flushLocal()
  }
  const onCompositionStart = () => {
    composing = true
  }
  const onCompositionEnd = () => {
    composing = false
    flushLocal()
  }
  const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    deferred.push(event.delta)
    // A value changed without an input event is flushed here too, before it is overwritten.
    if (!composing) flushLocal()
  }

  textarea.value = shown
  textarea.addEventListener('input', onInput)
  textarea.addEventListener('compositionstart', onCompositionStart)
  textarea.addEventListener('compositionend', onCompositionEnd)
  text.observe(observer)
  return function unbindTextarea() {
    textarea.removeEventListener('input', onInput)
    textarea.removeEventListener('compositionstart', onCompositionStart)
    textarea.removeEventListener('compositionend', onCompositionEnd)
    text.unobserve(observer)
  }
}
