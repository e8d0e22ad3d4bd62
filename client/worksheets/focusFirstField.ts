import type { Editor } from '@tiptap/core'
import { AnswerField, RatingField } from '../../shared/worksheets/worksheetNodes.ts'

/**
 * Brings a just-opened sheet into view and puts the focus where the person starts: the text of
 * its first answer, or the slider of a first rating. A read-only sheet (or one without fields)
 * takes the focus on the sheet itself, so a screen reader starts reading it.
 */
export function focusFirstField(editor: Editor): void {
  const sheet = editor.view.dom.closest<HTMLElement>('.worksheet-open') ?? editor.view.dom
  sheet.scrollIntoView({ block: 'start' })
  let field: { pos: number; rating: boolean } | null = null
  editor.state.doc.descendants((node, pos) => {
    if (field) return false
    if (node.type.name === AnswerField.name) field = { pos, rating: false }
    if (node.type.name === RatingField.name) field = { pos, rating: true }
    return field === null
  })
  const found = field as { pos: number; rating: boolean } | null
  if (found && editor.isEditable) {
    if (found.rating) {
      const input = (editor.view.nodeDOM(found.pos) as HTMLElement | null)?.querySelector('input')
      input?.focus()
      return
    }
    // Inside the field's first paragraph: the field node opens, then its paragraph.
    editor.commands.focus(found.pos + 2, { scrollIntoView: true })
    return
  }
  const heading = sheet.querySelector<HTMLElement>('.panel-heading')
  if (heading) {
    heading.tabIndex = -1
    heading.focus()
  } else editor.view.dom.focus()
}
