import type { Db } from '../db/openDatabase.ts'
import type { Logger } from '../log/logger.ts'
import { scopeOfDoc } from './docKeys.ts'
import { KeyErased, type KeyScope } from './keyRing.ts'
import type { Keys } from './Keys.ts'
import { SEALED_TEXT } from './seal.ts'
import {
  agreementText,
  chatText,
  checkinWord,
  imageData,
  invitationLabel,
  measureAnswers,
  measureBand,
  measureScore,
  slideResponse,
  snapshotData,
  templateContent,
  templateSource,
  templateSummary,
  templateTitle,
  worksheetContent,
  waitingMessage,
  type SealedColumn,
} from './sealedColumns.ts'
import type { DocName } from '../../shared/documents/docName.ts'

/**
 * How to find an older install's rows of one sealed column: `from` gives the row (as `t`, by
 * its rowid), the id its sealed value names (`id`) and whose key seals it (`scope`).
 */
type Legacy =
  | { kind: 'text'; column: SealedColumn<string>; id: string; scope: string; from: string }
  | {
      kind: 'bytes'
      column: SealedColumn<Uint8Array>
      id: string
      scope: string
      from: string
      scopeOf?: (value: string) => KeyScope
    }

const GROUP_OF_SESSION = "'group:' || s.group_id"
const GROUP_OF_ROW = "'group:' || t.group_id"
const text = (column: SealedColumn<string>, id: string, scope: string, from: string): Legacy => ({
  kind: 'text',
  column,
  id,
  scope,
  from,
})
const ANSWER = "t.request_id || '/' || t.member_id"
const MEASURED = `measure_answers t JOIN measure_requests r ON r.id = t.request_id
  JOIN sessions s ON s.id = r.session_id`

const LEGACY: readonly Legacy[] = [
  text(
    chatText,
    't.id',
    GROUP_OF_SESSION,
    'chat_messages t JOIN sessions s ON s.id = t.session_id',
  ),
  text(
    checkinWord,
    "t.checkin_id || '/' || t.member_id",
    GROUP_OF_SESSION,
    `checkin_answers t JOIN checkins k ON k.id = t.checkin_id JOIN sessions s ON s.id = k.session_id`,
  ),
  ...[measureAnswers, measureScore, measureBand].map((c) =>
    text(c, ANSWER, GROUP_OF_SESSION, MEASURED),
  ),
  text(worksheetContent, 't.id', GROUP_OF_ROW, 'worksheets t'),
  ...[templateTitle, templateSummary, templateSource, templateContent].map((c) =>
    text(c, 't.id', "'system'", 'worksheet_templates t'),
  ),
  text(
    slideResponse,
    "t.handout_id || '/' || t.slide_id || '/' || t.member_id",
    GROUP_OF_SESSION,
    `slide_responses t JOIN handouts h ON h.id = t.handout_id JOIN sessions s ON s.id = h.session_id`,
  ),
  text(agreementText, "t.group_id || '/' || t.version", GROUP_OF_ROW, 'agreements t'),
  text(invitationLabel, 't.id', GROUP_OF_ROW, 'invitations t'),
  text(waitingMessage, 't.id', GROUP_OF_ROW, 'sessions t'),
  {
    kind: 'bytes',
    column: snapshotData,
    id: "t.id || '/' || t.doc",
    // A snapshot is sealed like its document: a member's copy with the member's key.
    scope: 't.doc',
    scopeOf: (doc) => scopeOfDoc(doc as DocName),
    from: 'session_snapshots t',
  },
  { kind: 'bytes', column: imageData, id: 't.hash', scope: "'system'", from: 'images t' },
]

/**
 * Records an older install stored in clear are sealed at start-up, once, in one transaction;
 * secure delete overwrites the old pages and the write-ahead log is emptied after. Rows whose
 * key was erased cannot be sealed (and are unreadable to everyone anyway): counted, left.
 * Logs counts only. Such installs were all on the SQLite file with the file ring, so this stays
 * synchronous: `keyOf` reads each key from the ring's file.
 */
export function sealStoredRecords(db: Db, keys: Pick<Keys, 'keyOf'>, log: Logger): void {
  const counts: Record<string, number> = {}
  let keyless = 0
  db.transaction(() => {
    for (const legacy of LEGACY) {
      const [table, column] = legacy.column.name.split('.') as [string, string]
      const unsealed =
        legacy.kind === 'text'
          ? `t.${column} IS NOT NULL AND substr(t.${column}, 1, ${SEALED_TEXT.length}) != '${SEALED_TEXT}'`
          : 't.sealed = 0'
      const rows = db.sql
        .prepare(
          `SELECT t.rowid AS r, ${legacy.id} AS id, ${legacy.scope} AS scope, t.${column} AS value
           FROM ${legacy.from} WHERE ${unsealed}`,
        )
        .all() as { r: number; id: string; scope: string; value: string | Uint8Array }[]
      if (rows.length === 0) continue
      const update = db.sql.prepare(
        legacy.kind === 'text'
          ? `UPDATE ${table} SET ${column} = ? WHERE rowid = ?`
          : `UPDATE ${table} SET ${column} = ?, sealed = 1 WHERE rowid = ?`,
      )
      let sealed = 0
      for (const row of rows) {
        try {
          const value =
            legacy.kind === 'text'
              ? // String(): a score an older install stored is an INTEGER.
                legacy.column.sealWith(keys.keyOf(row.scope as KeyScope), row.id, String(row.value))
              : legacy.column.sealWith(
                  keys.keyOf(legacy.scopeOf ? legacy.scopeOf(row.scope) : (row.scope as KeyScope)),
                  row.id,
                  row.value as Uint8Array,
                )
          update.run(value, row.r)
          sealed++
        } catch (error) {
          if (!(error instanceof KeyErased)) throw error
          keyless++
        }
      }
      if (sealed > 0) counts[legacy.column.name] = sealed
    }
  })
  if (Object.keys(counts).length === 0 && keyless === 0) return
  db.sql.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  log.info({ sealed: counts, keyless }, 'sealed records stored in clear')
}
