import type { GroupSettings } from '../../shared/api/schemas.ts'
import { crisisRegion } from '../../shared/crisis/regions.ts'
import type { KeyRing } from '../crypto/keyRing.ts'
import { agreementText, groupScope, rowIdOf } from '../crypto/sealedColumns.ts'
import type { Db } from '../db/openDatabase.ts'

interface GroupRow {
  name: string
  theme: string
  kind: GroupSettings['kind']
  description: string
  goals: string
  capacity: number
  anonymous_chat: number
  facilitators_see_authors: number
  auto_admit: number
  chat_kept: number
  crisis_region: string
  video_e2ee: number
  checkins_named: number
}

export function groupSettingsOf(db: Db, groupId: string): GroupSettings | null {
  const g = db.sql.prepare('SELECT * FROM groups WHERE id = ?').get(groupId) as GroupRow | undefined
  if (!g) return null
  return {
    name: g.name,
    theme: g.theme,
    kind: g.kind,
    description: g.description,
    goals: g.goals,
    capacity: g.capacity,
    anonymousChat: g.anonymous_chat === 1,
    facilitatorsSeeAuthors: g.facilitators_see_authors === 1,
    autoAdmit: g.auto_admit === 1,
    chatKept: g.chat_kept === 1,
    // A region no longer shipped falls back to the international resources.
    crisisRegion: crisisRegion.catch('other').parse(g.crisis_region),
    videoE2ee: g.video_e2ee === 1,
    checkinsNamed: g.checkins_named === 1,
  }
}

/** The group's agreement as last published, opened (0 and '' before the first). */
export function currentAgreement(
  db: Db,
  keys: KeyRing,
  groupId: string,
): { version: number; text: string } {
  const row = db.sql
    .prepare(
      'SELECT version, text FROM agreements WHERE group_id = ? ORDER BY version DESC LIMIT 1',
    )
    .get(groupId) as { version: number; text: string } | undefined
  if (!row) return { version: 0, text: '' }
  const text = agreementText.open(
    keys,
    groupScope(groupId),
    rowIdOf(groupId, row.version),
    row.text,
  )
  return { version: row.version, text }
}

/** The current agreement's version only (0 before the first): its text stays sealed. */
export function currentAgreementVersion(db: Db, groupId: string): number {
  const row = db.sql
    .prepare('SELECT MAX(version) AS version FROM agreements WHERE group_id = ?')
    .get(groupId) as { version: number | null }
  return row.version ?? 0
}

/** The agreement's text as stored: sealed with the group's key, to its group and version. */
export const sealAgreement = (keys: KeyRing, groupId: string, version: number, text: string) =>
  agreementText.seal(keys, groupScope(groupId), rowIdOf(groupId, version), text)

/** Whether a member has accepted the group's current agreement. */
export function hasAcceptedCurrent(db: Db, groupId: string, memberId: string): boolean {
  const version = currentAgreementVersion(db, groupId)
  return !!db.sql
    .prepare('SELECT 1 FROM agreement_acceptances WHERE member_id = ? AND version = ?')
    .get(memberId, version)
}
