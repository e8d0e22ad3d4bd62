import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor } from '@tiptap/react'
import type * as Y from 'yjs'
import { slideExtensions } from '../../shared/slides/slideSchema.ts'

/**
 * One rich-text part of a slide (or its speaker notes), bound to its Yjs fragment: edited
 * together by the deck's editors, shown read only to everyone else. TipTap is the worksheet
 * editor's, so slides add no editor code of their own. Render with `key` = the fragment's name.
 */
export function SlideText({
  fragment,
  editable,
  label,
  className,
}: {
  fragment: Y.XmlFragment
  editable: boolean
  label: string
  className: string
}) {
  const editor = useEditor(
    {
      extensions: [...slideExtensions(), Collaboration.configure({ fragment })],
      editable,
      editorProps: {
        attributes: {
          class: className,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': String(!editable),
        },
      },
    },
    [fragment, editable],
  )
  return <EditorContent editor={editor} />
}
