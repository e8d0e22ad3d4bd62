import type { DatabaseSync } from 'node:sqlite'

/** Tables of the document store, and its connection's settings. */
export function prepareDocStoreSchema(
  db: DatabaseSync,
  synchronous: 'FULL' | 'NORMAL' | 'OFF',
): void {
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = ${synchronous};
    PRAGMA busy_timeout = 5000;
    PRAGMA secure_delete = ON;
    CREATE TABLE IF NOT EXISTS doc_updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      doc TEXT NOT NULL,
      data BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS doc_updates_doc_seq ON doc_updates (doc, seq);
    CREATE TABLE IF NOT EXISTS doc_snapshots (
      doc TEXT PRIMARY KEY,
      up_to_seq INTEGER NOT NULL,
      data BLOB NOT NULL
    );
  `)
  // Rows written before encryption at rest are plain (sealed = 0) until the store seals them.
  for (const table of ['doc_updates', 'doc_snapshots']) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]
    if (!columns.some((c) => c.name === 'sealed')) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0`)
    }
  }
  // The start-up search for plain rows (sealLegacyRows.ts) reads this, not the whole log: it
  // is empty once everything is sealed.
  db.exec('CREATE INDEX IF NOT EXISTS doc_updates_plain ON doc_updates (seq) WHERE sealed = 0')
}

/**
 * The next free place in the log: after every row ever written (AUTOINCREMENT's counter
 * remembers deleted ones) and every snapshot's position.
 */
export function nextSeqOf(db: DatabaseSync): number {
  const row = db
    .prepare(
      `SELECT MAX(n) AS n FROM (
         SELECT MAX(seq) AS n FROM doc_updates
         UNION ALL SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'
         UNION ALL SELECT MAX(up_to_seq) FROM doc_snapshots)`,
    )
    .get() as { n: number | null }
  return (row.n ?? 0) + 1
}
