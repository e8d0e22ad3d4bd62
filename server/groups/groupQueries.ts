import type { Selectable } from 'kysely'
import type { GroupSettings } from '../../shared/api/schemas.ts'
import { crisisRegion } from '../../shared/crisis/regions.ts'
import type { Keys } from '../crypto/Keys.ts'
import { agreementText, groupScope, rowIdOf } from '../crypto/sealedColumns.ts'
import type { Data } from '../data/Data.ts'
import type { Tables } from '../data/Tables.ts'

type GroupRow = Selectable<Tables['groups']>

/** A group's settings as the API shows them, or null when there is no such group. */
export async function groupSettingsOf(data: Data, groupId: string): Promise<GroupSettings | null> {
  const g = await data.selectFrom('groups').selectAll().where('id', '=', groupId).executeTakeFirst()
  return g ? settingsOf(g) : null
}

function settingsOf(g: GroupRow): GroupSettings {
  return {
    name: g.name,
    theme: g.theme,
    kind: g.kind as GroupSettings['kind'],
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
export async function currentAgreement(
  data: Data,
  keys: Keys,
  groupId: string,
): Promise<{ version: number; text: string }> {
  const row = await data
    .selectFrom('agreements')
    .select(['version', 'text'])
    .where('group_id', '=', groupId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return { version: 0, text: '' }
  const text = await agreementText.open(
    keys,
    groupScope(groupId),
    rowIdOf(groupId, row.version),
    row.text,
  )
  return { version: row.version, text }
}

/** The current agreement's version only (0 before the first): its text stays sealed. */
export async function currentAgreementVersion(data: Data, groupId: string): Promise<number> {
  const row = await data
    .selectFrom('agreements')
    .select((eb) => eb.fn.max<number | null>('version').as('version'))
    .where('group_id', '=', groupId)
    .executeTakeFirst()
  return row?.version ?? 0
}

/** The agreement's text as stored: sealed with the group's key, to its group and version. */
export const sealAgreement = (keys: Keys, groupId: string, version: number, text: string) =>
  agreementText.seal(keys, groupScope(groupId), rowIdOf(groupId, version), text)

/** Whether a member has accepted the group's current agreement. */
export async function hasAcceptedCurrent(
  data: Data,
  groupId: string,
  memberId: string,
): Promise<boolean> {
  const version = await currentAgreementVersion(data, groupId)
  const accepted = await data
    .selectFrom('agreement_acceptances')
    .select('version')
    .where('member_id', '=', memberId)
    .where('version', '=', version)
    .executeTakeFirst()
  return accepted !== undefined
}
