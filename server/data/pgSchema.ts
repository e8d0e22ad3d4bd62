import type { Pool } from 'pg'
import { inTransaction } from '../store/PgDocStore.ts'
import { GRAPH_SCHEMA } from './pgGraphSchema.ts'

/**
 * The relational tables on PostgreSQL, one entry per step like `server/db/migrations.ts`
 * (append only; `hearth_schema` keeps how many ran). They hold what SQLite's tables hold, as
 * `Tables` describes both, for the capabilities moved to Kysely so far.
 */
const MIGRATIONS = [
  `
  CREATE TABLE login_failures (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX login_failures_key ON login_failures (key, at);
  `,
  `
  CREATE TABLE logins (
    token_hash TEXT PRIMARY KEY,
    principal_kind TEXT NOT NULL CHECK (principal_kind IN ('facilitator', 'member')),
    principal_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at BIGINT
  );
  CREATE INDEX logins_principal ON logins (principal_kind, principal_id);
  `,
  `
  CREATE TABLE video_events (
    id TEXT PRIMARY KEY,
    received_at BIGINT NOT NULL
  );
  `,
  GRAPH_SCHEMA,
]

/**
 * Brings the schema up to date. Several instances may start at once: the first to take the
 * lock migrates, the others then find nothing to do.
 */
export async function preparePgSchema(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('hearth relational schema'))`)
    await client.query('CREATE TABLE IF NOT EXISTS hearth_schema (version INTEGER NOT NULL)')
    const { rows } = await client.query<{ version: number }>('SELECT version FROM hearth_schema')
    let applied = rows[0]?.version ?? 0
    if (rows.length === 0) await client.query('INSERT INTO hearth_schema (version) VALUES (0)')
    for (; applied < MIGRATIONS.length; applied++) await client.query(MIGRATIONS[applied]!)
    await client.query('UPDATE hearth_schema SET version = $1', [applied])
  })
}
