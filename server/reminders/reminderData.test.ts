import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { addPushSubscription, devicesOf, MAX_DEVICES } from './addPushSubscription.ts'
import { dueReminders, recordReminder } from './dueReminders.ts'

const NOW = 1_800_000_000_000
const HOUR = 60 * 60_000
const keys = { p256dh: 'key', auth: 'auth' }
const device = (name: string) => ({ endpoint: `https://fcm.googleapis.com/${name}`, ...keys })

describe.each(DIALECTS)('reminders on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let robin: { kind: 'member'; id: string; groupId: string }
  beforeEach(async () => {
    opened = await open()
    ;({ groupId } = await aGroup(opened.data))
    robin = { kind: 'member', id: await aMember(opened.data, groupId), groupId }
  })
  afterEach(() => opened.close())

  const aSessionAt = async (
    startsAt: number,
    status: 'scheduled' | 'open' | 'live' = 'scheduled',
  ) => {
    const id = await aSession(opened.data, groupId, status)
    await opened.data
      .updateTable('sessions')
      .set({ starts_at: startsAt })
      .where('id', '=', id)
      .execute()
    return id
  }

  it('keeps one subscription per device, and at most MAX_DEVICES a member', async () => {
    const { data } = opened
    expect(await addPushSubscription(data, robin, device('phone'), NOW)).toBe(true)
    // The same device again replaces itself, even at the limit.
    expect(await addPushSubscription(data, robin, device('phone'), NOW)).toBe(true)
    expect(await devicesOf(data, robin.id)).toBe(1)
    for (let i = 1; i < MAX_DEVICES; i++)
      await addPushSubscription(data, robin, device(`d${i}`), NOW)
    expect(await devicesOf(data, robin.id)).toBe(MAX_DEVICES)
    expect(await addPushSubscription(data, robin, device('one-more'), NOW)).toBe(false)
    expect(await addPushSubscription(data, robin, device('phone'), NOW)).toBe(true)
    // A device handed to someone else is theirs now.
    const sky = { kind: 'member' as const, id: await aMember(data, groupId), groupId }
    expect(await addPushSubscription(data, sky, device('phone'), NOW)).toBe(true)
    expect([await devicesOf(data, robin.id), await devicesOf(data, sky.id)]).toEqual([
      MAX_DEVICES - 1,
      1,
    ])
    const on = await data
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'reminders.on')
      .execute()
    expect(on).toHaveLength(MAX_DEVICES + 3)
  })

  it('instances adding devices at once stay within the limit, one subscription per device', async () => {
    const { data } = opened
    const instances = [data, opened.another(), opened.another()]
    // Each instance's pool connected first, so that the adds below run side by side.
    await Promise.all(instances.map((other) => devicesOf(other, robin.id)))
    for (let round = 0; round < 3; round++) {
      const member = { kind: 'member' as const, id: await aMember(data, groupId), groupId }
      for (let i = 0; i < MAX_DEVICES - 1; i++) {
        await addPushSubscription(data, member, device(`${round}-${i}`), NOW)
      }
      const added = await Promise.all(
        instances.flatMap((other, i) => [
          addPushSubscription(other, member, device(`${round}-new${i}`), NOW),
          addPushSubscription(other, member, device(`${round}-same`), NOW),
        ]),
      )
      expect(added.filter(Boolean).length).toBeGreaterThanOrEqual(1)
      expect(await devicesOf(data, member.id)).toBe(MAX_DEVICES)
    }
  })

  it('finds each device of each active member once per session starting within the hour', async () => {
    const { data } = opened
    const soon = await aSessionAt(NOW + 30 * 60_000)
    const opening = await aSessionAt(NOW + HOUR, 'open')
    await aSessionAt(NOW + HOUR + 1)
    await aSessionAt(NOW - 1)
    await aSessionAt(NOW + 10 * 60_000, 'live')
    await addPushSubscription(data, robin, device('phone'), NOW)
    await addPushSubscription(data, robin, device('laptop'), NOW)
    const gone = { kind: 'member' as const, id: await aMember(data, groupId), groupId }
    await addPushSubscription(data, gone, device('old'), NOW)
    await data.updateTable('members').set({ status: 'removed' }).where('id', '=', gone.id).execute()
    const due = await dueReminders(data, NOW, HOUR)
    const pairs = due.map((r) => `${r.sessionId} ${r.endpoint.split('/').pop()}`).sort()
    expect(pairs).toEqual(
      [`${soon} phone`, `${soon} laptop`, `${opening} phone`, `${opening} laptop`].sort(),
    )
    expect(due.find((r) => r.sessionId === soon)).toMatchObject({
      startsAt: NOW + 30 * 60_000,
      ...keys,
    })
    const first = due[0]!
    expect(await recordReminder(data, first.subscriptionId, first.sessionId, NOW)).toBe(true)
    expect(await recordReminder(data, first.subscriptionId, first.sessionId, NOW)).toBe(false)
    expect(await dueReminders(data, NOW, HOUR)).toHaveLength(3)
  })

  it('instances recording the same reminder at once send it once', async () => {
    const sessionId = await aSessionAt(NOW + HOUR)
    const instances = [opened.data, opened.another(), opened.another()]
    for (let round = 0; round < 5; round++) {
      const recorded = await Promise.all(
        instances.map((data) => recordReminder(data, `push_${round}`, sessionId, NOW)),
      )
      expect(recorded.filter(Boolean)).toHaveLength(1)
    }
  })
})
