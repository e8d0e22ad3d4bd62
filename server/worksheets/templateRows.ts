import type { KeyRing } from '../crypto/keyRing.ts'
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
export const sealTemplate = (keys: KeyRing, id: string, t: TemplateText) => ({
  title: templateTitle.seal(keys, 'system', id, t.title),
  summary: templateSummary.seal(keys, 'system', id, t.summary),
  source: templateSource.seal(keys, 'system', id, t.source),
  content: templateContent.seal(keys, 'system', id, JSON.stringify(t.content)),
})

/** A stored template as the library shows it; throws `SealedDataRejected` naming the field. */
export const openTemplate = (keys: KeyRing, row: TemplateRow) => ({
  id: row.id,
  title: templateTitle.open(keys, 'system', row.id, row.title),
  summary: templateSummary.open(keys, 'system', row.id, row.summary),
  source: templateSource.open(keys, 'system', row.id, row.source),
  content: JSON.parse(templateContent.open(keys, 'system', row.id, row.content)) as unknown,
  builtIn: false,
})
