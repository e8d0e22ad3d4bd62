import type { GroupSettings } from '../../shared/api/schemas.ts'
import { crisisRegion } from '../../shared/crisis/regions.ts'
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

export function currentAgreement(db: Db, groupId: string): { version: number; text: string } {
  const row = db.sql
    .prepare(
      'SELECT version, text FROM agreements WHERE group_id = ? ORDER BY version DESC LIMIT 1',
    )
    .get(groupId) as { version: number; text: string } | undefined
  return row ?? { version: 0, text: '' }
}

/** Whether a member has accepted the group's current agreement. */
export function hasAcceptedCurrent(db: Db, groupId: string, memberId: string): boolean {
  const { version } = currentAgreement(db, groupId)
  return !!db.sql
    .prepare('SELECT 1 FROM agreement_acceptances WHERE member_id = ? AND version = ?')
    .get(memberId, version)
}
