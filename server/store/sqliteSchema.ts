import type { DatabaseSync } from 'node:sqlite'

/** Tables of the document store; shared by the reading and the writing connection. */
export function prepareDocStoreSchema(db: DatabaseSync, synchronous: 'FULL' | 'NORMAL'): void {
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
}
