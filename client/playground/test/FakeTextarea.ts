import type { TextareaLike } from '../bindTextarea.ts'

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** A textarea for Node tests: selection, value and the events a person's typing fires. */
export class FakeTextarea extends EventTarget implements TextareaLike {
  #value = ''
  selectionStart = 0
  selectionEnd = 0
  selectionDirection: 'forward' | 'backward' | 'none' = 'none'
  scrollTop = 0

  get value(): string {
    return this.#value
  }

  /** Like a browser, setting the value puts the caret at the end. */
  set value(value: string) {
    this.#value = value
    this.selectionStart = this.selectionEnd = value.length
  }

  /** Clamps like a browser, and never leaves an end inside a surrogate pair. */
  setSelectionRange(
    start: number,
    end: number,
    direction: 'forward' | 'backward' | 'none' = 'none',
  ) {
    const length = this.#value.length
    const snap = (i: number) => (isLowSurrogate(this.#value.charCodeAt(i)) ? i - 1 : i)
    this.selectionStart = snap(Math.min(start, length))
    this.selectionEnd = Math.max(this.selectionStart, snap(Math.min(end, length)))
    this.selectionDirection = direction
  }

  /** Replaces the selection with `text` and fires `input`, as typing or pasting does. */
  type(text: string, { composing = false } = {}): void {
    const { selectionStart: start, selectionEnd: end } = this
    this.#value = this.#value.slice(0, start) + text + this.#value.slice(end)
    this.selectionStart = this.selectionEnd = start + text.length
    this.dispatchEvent(Object.assign(new Event('input'), { isComposing: composing }))
  }

  /** Deletes the selection, or the code point before the caret, as browsers do. */
  backspace(): void {
    if (this.selectionStart === this.selectionEnd) {
      if (this.selectionStart === 0) return
      this.selectionStart -= isLowSurrogate(this.#value.charCodeAt(this.selectionStart - 1)) ? 2 : 1
    }
    this.type('')
  }

  /** An input method composes `text` at the caret, one growing draft at a time. */
  compose(text: string): void {
    this.dispatchEvent(new Event('compositionstart'))
    const start = this.selectionStart
    for (let i = 1; i <= text.length; i++) {
      this.setSelectionRange(start, this.selectionEnd)
      this.type(text.slice(0, i), { composing: true })
    }
  }

  endComposition(): void {
    this.dispatchEvent(new Event('compositionend'))
  }
}
