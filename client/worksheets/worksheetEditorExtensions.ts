import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { renderCaret } from './renderCaret.ts'
import { worksheetNodeViews } from './worksheetNodeViews.ts'

/**
 * The worksheet schema with interactive views, bound to one Yjs document, with the other
 * people's carets labelled by the names the server stamped on their presence.
 */
export function worksheetEditorExtensions(
  doc: Y.Doc,
  provider: WebsocketProvider,
  user: { name: string; color: string },
) {
  return [
    ...worksheetNodeViews(),
    Collaboration.configure({ document: doc, field: WORKSHEET_FRAGMENT }),
    CollaborationCaret.configure({ provider, user, render: renderCaret }),
  ]
}
