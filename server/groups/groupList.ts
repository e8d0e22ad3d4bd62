import type { Data } from '../data/Data.ts'

/** A group on a facilitator's dashboard. */
export interface GroupListItem {
  id: string
  name: string
  theme: string
  kind: string
  capacity: number
  role: string
  /** Its active members. */
  members: number
  /** When its next session starts (one under way counts), or null. */
  nextSessionAt: number | null
}

/** The groups a facilitator runs, oldest first. */
export async function groupsOfFacilitator(
  data: Data,
  facilitatorId: string,
  now: number,
): Promise<GroupListItem[]> {
  const rows = await data
    .selectFrom('groups as g')
    .innerJoin('group_facilitators as gf', 'gf.group_id', 'g.id')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.theme',
      'g.kind',
      'g.capacity',
      'gf.role',
      eb
        .selectFrom('members as m')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .where('m.status', '=', 'active')
        .as('members'),
      eb
        .selectFrom('sessions as s')
        .select((sub) => sub.fn.min<number | null>('s.starts_at').as('at'))
        .whereRef('s.group_id', '=', 'g.id')
        .where('s.status', 'in', ['scheduled', 'open', 'live'])
        .where((sub) =>
          sub(sub('s.starts_at', '+', sub('s.duration_minutes', '*', 60_000)), '>', now),
        )
        .as('nextSessionAt'),
    ])
    .where('gf.facilitator_id', '=', facilitatorId)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    theme: r.theme,
    kind: r.kind,
    capacity: r.capacity,
    role: r.role,
    // A count is a bigint on PostgreSQL.
    members: Number(r.members ?? 0),
    nextSessionAt: r.nextSessionAt ?? null,
  }))
}

/** A group's facilitators: the leads first, then by name. */
export async function facilitatorsOf(
  data: Data,
  groupId: string,
): Promise<{ id: string; name: string; role: string }[]> {
  const rows = await data
    .selectFrom('group_facilitators as gf')
    .innerJoin('facilitators as f', 'f.id', 'gf.facilitator_id')
    .select(['f.id', 'f.display_name as name', 'gf.role'])
    .where('gf.group_id', '=', groupId)
    .execute()
  // Ordered here, as SQLite's binary `ORDER BY role DESC, display_name` did: PostgreSQL would
  // order the names by its collation.
  return rows.sort((a, b) => binary(b.role, a.role) || binary(a.name, b.name))
}

/** Code-unit order: SQLite's BINARY collation (they differ only past U+FFFF). */
const binary = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
