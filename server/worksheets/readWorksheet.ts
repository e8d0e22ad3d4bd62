import type { JSONContent } from '@tiptap/core'
import type * as YTiptap from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import type { Services } from '../http/AppEnv.ts'

let yTiptap: Promise<typeof YTiptap> | null = null

/**
 * Reads a worksheet document's content as TipTap's JSON. `@tiptap/y-tiptap` brings ProseMirror
 * with it (tens of MiB): it loads when a worksheet is first read, not at every start.
 */
export async function worksheetReader(): Promise<(doc: Y.Doc) => JSONContent> {
  const { yXmlFragmentToProsemirrorJSON } = await (yTiptap ??= import('@tiptap/y-tiptap'))
  return (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(WORKSHEET_FRAGMENT))
}

/** The content of a worksheet the sync server holds (loaded for the read if need be). */
export async function readWorksheet(services: Services, name: DocName): Promise<JSONContent> {
  return services.sync.serverRead(name, await worksheetReader())
}
