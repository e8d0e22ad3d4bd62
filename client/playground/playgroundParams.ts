import { parseDocName, type DocName } from '../../shared/documents/docName.ts'

export interface PlaygroundParams {
  /** The part after `playground/`, as shown to the person. */
  segment: string
  docName: DocName
  access: 'write' | 'read'
}

const DEFAULT_SEGMENT = 'main'
const MAX_SEGMENT = 64

/**
 * Reads `?doc=<segment>&access=read` from a query string. The segment is forced into a valid
 * document name segment (lower-case letters, digits, `_` and `-`) rather than refused, so any
 * link opens something; an empty result falls back to `main`.
 */
export function parsePlaygroundParams(search: string): PlaygroundParams {
  const query = new URLSearchParams(search)
  const segment =
    (query.get('doc') ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+/, '')
      .slice(0, MAX_SEGMENT)
      .replace(/-+$/, '') || DEFAULT_SEGMENT
  const docName =
    parseDocName(`playground/${segment}`) ?? (`playground/${DEFAULT_SEGMENT}` as DocName)
  return {
    segment: docName.slice('playground/'.length),
    docName,
    access: query.get('access') === 'read' ? 'read' : 'write',
  }
}
