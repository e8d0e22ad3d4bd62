import type { Data } from '../data/Data.ts'

/** A snapshot as its session lists it. */
export interface SnapshotRow {
  id: string
  doc: string
  /** The worksheet's title. */
  title: string
  takenAt: number
}

/**
 * Keeps one document's state at the end of its session (sealed by the caller). Returns false
 * when one was already taken of that document (a retry, another instance ending it at once):
 * the first stays as it was, by the unique key on the session and document.
 */
export async function keepSnapshot(
  data: Data,
  snapshot: { id: string; sessionId: string; worksheetId: string; doc: string; data: Uint8Array },
  now: number,
): Promise<boolean> {
  const result = await data
    .insertInto('session_snapshots')
    .values({
      id: snapshot.id,
      session_id: snapshot.sessionId,
      worksheet_id: snapshot.worksheetId,
      doc: snapshot.doc,
      taken_at: now,
      data: snapshot.data,
      sealed: 1,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/**
 * A session's snapshots, in the order of its worksheets, each sheet's by document name. Names
 * are compared in code, code unit by code unit as SQLite does: a PostgreSQL collation may
 * order them otherwise (skipping the slashes, say).
 */
export async function snapshotsOf(data: Data, sessionId: string): Promise<SnapshotRow[]> {
  const rows = await data
    .selectFrom('session_snapshots as n')
    .innerJoin('worksheets as w', 'w.id', 'n.worksheet_id')
    .select(['n.id', 'n.doc', 'w.title', 'n.taken_at as takenAt', 'w.created_at as createdAt'])
    .where('n.session_id', '=', sessionId)
    .execute()
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return rows
    .sort((a, b) => a.createdAt - b.createdAt || byName(a.doc, b.doc))
    .map(({ createdAt: _createdAt, ...row }) => row)
}

/** One snapshot with its sealed state, or undefined. */
export const snapshotById = (data: Data, snapshotId: string) =>
  data
    .selectFrom('session_snapshots as n')
    .innerJoin('worksheets as w', 'w.id', 'n.worksheet_id')
    .select([
      'n.id',
      'n.doc',
      'w.title',
      'n.taken_at as takenAt',
      'n.data',
      'n.session_id as sessionId',
    ])
    .where('n.id', '=', snapshotId)
    .executeTakeFirst()
