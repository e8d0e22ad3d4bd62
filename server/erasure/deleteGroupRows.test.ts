import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { deleteGroupRows, forgetGroupSignInFailures } from './deleteGroupRows.ts'
import {
  aGroupFootprint,
  aMemberFootprint,
  rowCounts,
  rowsNaming,
  signInFailures,
  type GroupFootprint,
} from './test/footprints.ts'

const NOW = 1_700_000_009_000
/** What no group owns: accounts, facilitators' libraries, the trail, webhook ids. */
const NOT_A_GROUPS = [
  'audit_log',
  'deck_editors',
  'deck_images',
  'decks',
  'facilitators',
  'hearth_schema',
  'images',
  'logins',
  'setup_links',
  'video_events',
  'worksheet_templates',
]

/** A group with two members, every table holding something of theirs. */
async function aFullGroup(opened: OpenedData) {
  const group: GroupFootprint = await aGroupFootprint(opened.data)
  const members = [
    await aMemberFootprint(opened.data, group),
    await aMemberFootprint(opened.data, group),
  ]
  await signInFailures(opened.data, group.groupId, '203.0.113.7')
  return { ...group, members, ids: [...group.ids, ...members.flatMap((m) => m.ids)] }
}

describe.each(DIALECTS)('[C19] deleting a group’s rows on $name', ({ open }) => {
  let opened: OpenedData
  let a: Awaited<ReturnType<typeof aFullGroup>>
  let b: Awaited<ReturnType<typeof aFullGroup>>
  beforeEach(async () => {
    opened = await open()
    a = await aFullGroup(opened)
    b = await aFullGroup(opened)
  })
  afterEach(() => opened.close())

  it('leaves no row naming the group, its sessions or members but the blanked group and the trail', async () => {
    const { data } = opened
    const before = await rowCounts(data)
    const ofB = await rowsNaming(data, b.ids)
    expect(await rowsNaming(data, a.ids)).toEqual(ofB)
    // Every table holds something of the group, but the accounts, libraries and the trail.
    expect(new Set(ofB)).toEqual(
      new Set([...before.keys()].filter((t) => !NOT_A_GROUPS.includes(t))),
    )

    const rows = await deleteGroupRows(data, a.groupId, NOW)

    expect(await rowsNaming(data, a.ids)).toEqual(['groups', 'login_failures', 'login_failures'])
    const after = await rowCounts(data)
    const deleted = [...before].reduce((n, [table, count]) => n + count - after.get(table)!, 0)
    expect(rows).toBe(deleted)
    expect(rows).toBeGreaterThan(40)
    const group = await data
      .selectFrom('groups')
      .selectAll()
      .where('id', '=', a.groupId)
      .executeTakeFirstOrThrow()
    expect(group).toMatchObject({ name: '', theme: '', description: '', goals: '' })
    expect(group.erasure_finished_at).toBe(NOW)
    // The lead's library stays: their account, deck and its picture.
    expect(
      await data.selectFrom('decks').select('id').where('owner_id', '=', a.leadId).execute(),
    ).toHaveLength(1)
    expect(await data.selectFrom('deck_images').select('hash').execute()).toHaveLength(2)
    // The other group: every row as it was.
    expect(await rowsNaming(data, b.ids)).toEqual(ofB)
    expect(
      (
        await data
          .selectFrom('groups')
          .select('name')
          .where('id', '=', b.groupId)
          .executeTakeFirstOrThrow()
      ).name,
    ).toBe('Test group')
  })

  it('forgets the group’s failed sign-ins by their exact prefix, nothing else', async () => {
    const { data } = opened
    const lookalikes = [
      // LIKE ignores case on SQLite; a longer id shares the prefix.
      `a:m:${a.groupId.toUpperCase()}:robin`,
      `a:m:${a.groupId}x:robin`,
      // `_` and `%` are wildcards to LIKE: an id holding them matches only itself.
      'a:m:gXYx:robin',
    ]
    await data
      .insertInto('login_failures')
      .values(lookalikes.map((key) => ({ key, at: NOW })))
      .execute()

    expect(await forgetGroupSignInFailures(data, a.groupId)).toBe(2)
    await data.insertInto('login_failures').values({ key: 'a:m:g_%x:robin', at: NOW }).execute()
    expect(await forgetGroupSignInFailures(data, 'g_%x')).toBe(1)

    const keys = (await data.selectFrom('login_failures').select('key').execute()).map((r) => r.key)
    const accountOfB = `m:${b.groupId}:robin`
    const kept = [
      'ip:203.0.113.7',
      `p:${accountOfB}\n203.0.113.7`,
      `a:${accountOfB}`,
      'ip:203.0.113.7',
      ...lookalikes,
    ]
    expect(keys.sort()).toEqual(kept.sort())
  })

  it('runs in its caller’s transaction: nothing is deleted when the caller fails', async () => {
    const { data } = opened
    const before = await rowCounts(data)
    await expect(
      data.transaction().execute(async (trx) => {
        await deleteGroupRows(trx, a.groupId, NOW)
        throw new Error('the rest failed')
      }),
    ).rejects.toThrow('the rest failed')
    expect(await rowCounts(data)).toEqual(before)
  })

  it('instances finishing the same erasure at once: one deletes, the others find nothing left', async () => {
    const { data } = opened
    const ofB = await rowsNaming(data, b.ids)
    const others = [data, opened.another(), opened.another()]
    const rows = await Promise.all(others.map((d) => deleteGroupRows(d, a.groupId, NOW)))
    expect(rows.filter((n) => n > 0)).toHaveLength(1)
    expect(await rowsNaming(data, a.ids)).toEqual(['groups', 'login_failures', 'login_failures'])
    expect(await rowsNaming(data, b.ids)).toEqual(ofB)
  })
})
