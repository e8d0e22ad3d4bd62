import type { Keys } from '../crypto/Keys.ts'
import {
  templateContent,
  templateSource,
  templateSummary,
  templateTitle,
} from '../crypto/sealedColumns.ts'

/** A facilitator's own template as stored: every text sealed with the system key. */
export interface TemplateRow {
  id: string
  owner_id: string
  title: string
  summary: string
  source: string
  content: string
}

export interface TemplateText {
  title: string
  summary: string
  source: string
  /** The worksheet, as ProseMirror JSON. */
  content: unknown
}

/**
 * The facilitators' library is theirs, not a group's: sealed with the system key, each field
 * to its template's row, so a title copied onto another template does not open there.
 */
export async function sealTemplate(keys: Keys, id: string, t: TemplateText) {
  const key = await keys.key('system')
  return {
    title: templateTitle.sealWith(key, id, t.title),
    summary: templateSummary.sealWith(key, id, t.summary),
    source: templateSource.sealWith(key, id, t.source),
    content: templateContent.sealWith(key, id, JSON.stringify(t.content)),
  }
}

/** A stored template as the library shows it; throws `SealedDataRejected` naming the field. */
export async function openTemplate(keys: Keys, row: TemplateRow) {
  const key = await keys.key('system')
  return {
    id: row.id,
    title: templateTitle.openWith(key, row.id, row.title),
    summary: templateSummary.openWith(key, row.id, row.summary),
    source: templateSource.openWith(key, row.id, row.source),
    content: JSON.parse(templateContent.openWith(key, row.id, row.content)) as unknown,
    builtIn: false,
  }
}
