import type { JSONContent } from '@tiptap/core'
import type * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import type { MemberPrincipal } from '../auth/Principal.ts'
import { deckText } from '../../shared/slides/deckText.ts'
import { worksheetBlocks } from '../export/worksheetBlocks.ts'
import type { Services } from '../http/AppEnv.ts'
import { readWorksheet } from '../worksheets/readWorksheet.ts'
import { libraryOf } from './libraryOf.ts'

export interface SearchHit {
  sessionId: string
  sessionTitle: string
  id: string
  kind: string
  title: string
  document: string
  /** A few words around the first match, from the member's own material. */
  snippet: string
}

/** Lower case, accents off: "Réveil" finds "reveil" and the other way round. */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

const MAX_HITS = 50

/**
 * Searches titles and text of what the member may read — their library, nothing else — on the
 * server, so nothing they may not read is ever loaded for them. Every word of the query must
 * appear. Each document is read again through its own access rule before it is searched.
 */
export async function searchLibrary(
  services: Services,
  member: MemberPrincipal,
  query: string,
): Promise<SearchHit[]> {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const hits: SearchHit[] = []
  const library = await libraryOf(await services.data(), member, services.now())
  for (const { session, items } of library) {
    for (const item of items) {
      if (hits.length >= MAX_HITS) return hits
      if ((await services.authorize(member, item.stored as DocName)) === 'none') continue
      const text = await textOf(services, item.stored as DocName, item.kind)
      const haystack = fold(`${item.title}\n${text}`)
      if (!words.every((w) => haystack.includes(w))) continue
      hits.push({
        sessionId: session.id,
        sessionTitle: session.title,
        id: item.id,
        kind: item.kind,
        title: item.title,
        document: item.document,
        snippet: snippetAround(text, words[0]!),
      })
    }
  }
  return hits
}

async function textOf(services: Services, name: DocName, kind: string): Promise<string> {
  // A canvas is found by its title: its drawings have no text to search.
  if (kind === 'canvas') return ''
  if (kind === 'answers') return services.sync.serverRead(name, answersText)
  if (kind === 'slides') return services.sync.serverRead(name, deckText)
  return worksheetText(await readWorksheet(services, name))
}

const worksheetText = (content: JSONContent) =>
  worksheetBlocks(content)
    .flatMap((b) =>
      b.kind === 'answer'
        ? [b.label, ...b.paragraphs]
        : b.kind === 'list'
          ? b.items
          : b.kind === 'rating'
            ? [b.label]
            : [b.text],
    )
    .join('\n')

/** The answers shared with the group, as the server wrote them (JSON per entry). */
const answersText = (doc: Y.Doc) =>
  [...doc.getMap<string>('answers').values()]
    .map((raw) => {
      try {
        const answer = JSON.parse(raw) as { label?: unknown; text?: unknown }
        return `${String(answer.label ?? '')}\n${String(answer.text ?? '')}`
      } catch {
        return ''
      }
    })
    .join('\n')

/** Up to ~60 characters either side of the first match, on word boundaries where it can. */
function snippetAround(text: string, word: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const at = fold(flat).indexOf(word)
  if (at < 0) return flat.slice(0, 120)
  const start = Math.max(0, flat.lastIndexOf(' ', Math.max(0, at - 60)))
  const end = flat.indexOf(' ', at + word.length + 60)
  return `${start > 0 ? '…' : ''}${flat.slice(start, end < 0 ? undefined : end).trim()}${end < 0 ? '' : '…'}`
}
