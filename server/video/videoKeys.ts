import { randomBytes } from 'node:crypto'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { VIDEO_KEY_GENERATION, type VideoKey } from '../../shared/video/videoSchemas.ts'
import type { Db } from '../db/openDatabase.ts'
import type { Services } from '../http/AppEnv.ts'

/** The session's current media key (made on first use): for admitted people only. */
export function currentVideoKey(db: Db, sessionId: string, now: number): VideoKey {
  const row = db.sql
    .prepare(
      'SELECT key, generation FROM video_keys WHERE session_id = ? ORDER BY generation DESC LIMIT 1',
    )
    .get(sessionId) as VideoKey | undefined
  if (row) return row
  return addKey(db, sessionId, 1, now)
}

function addKey(db: Db, sessionId: string, generation: number, now: number): VideoKey {
  const key = randomBytes(32).toString('base64')
  db.sql
    .prepare('INSERT INTO video_keys (session_id, generation, key, created_at) VALUES (?, ?, ?, ?)')
    .run(sessionId, generation, key, now)
  return { key, generation }
}

/**
 * A new media key, after someone was taken out of the call: the others fetch it when the room
 * document says its generation moved; the one taken out can no longer fetch any. Older keys are
 * deleted (nothing sent with them is kept anywhere to decrypt later).
 */
export async function rotateVideoKey(services: Services, sessionId: string): Promise<number> {
  const { db, now, sync } = services
  const generation = db.transaction(() => {
    const { generation: last } = currentVideoKey(db, sessionId, now())
    const next = addKey(db, sessionId, last + 1, now()).generation
    db.sql
      .prepare('DELETE FROM video_keys WHERE session_id = ? AND generation < ?')
      .run(sessionId, next)
    return next
  })
  const row = db.sql.prepare('SELECT group_id FROM sessions WHERE id = ?').get(sessionId) as {
    group_id: string
  }
  await sync.serverWrite(sessionDocName.room(row.group_id, sessionId) as DocName, (doc) =>
    doc.getMap(ROOM_STATE).set(VIDEO_KEY_GENERATION, generation),
  )
  return generation
}
