import { randomBytes } from 'node:crypto'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import { onPostgres, type Data } from '../../data/Data.ts'
import { aDeck, aGroup, aMember, anImage, aSession } from '../../data/test/graphRows.ts'

/**
 * What an erasure contract suite starts from: a group with a row in every table that can name
 * it, and members with a row in every table that can name them, written straight through
 * Kysely (placeholders, nothing sealed), the same on SQLite and PostgreSQL.
 */
const AT = 1_700_000_000_000
const id = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`
let seq = 0

export interface GroupFootprint {
  groupId: string
  leadId: string
  sessionId: string
  /** A private worksheet, which each member has a copy of. */
  sheet: { id: string; session_id: string; group_id: string }
  handoutId: string
  checkinId: string
  requestId: string
  /** Ids of the group's own rows (not its members'), to look for after an erasure. */
  ids: string[]
}

export async function aGroupFootprint(data: Data): Promise<GroupFootprint> {
  const { groupId, leadId } = await aGroup(data)
  const sessionId = await aSession(data, groupId)
  const seriesId = id('series')
  await data
    .insertInto('session_series')
    .values({
      id: seriesId,
      group_id: groupId,
      title: 'Series',
      time_zone: 'Europe/Berlin',
      local_start: '18:00',
      duration_minutes: 90,
      occurrences: 4,
    })
    .execute()
  await data
    .updateTable('sessions')
    .set({ series_id: seriesId })
    .where('id', '=', sessionId)
    .execute()
  await data
    .insertInto('agreements')
    .values({ group_id: groupId, version: 1, text: 'We keep it here.', created_at: AT })
    .execute()
  const invitationId = id('inv')
  await data
    .insertInto('invitations')
    .values({
      id: invitationId,
      group_id: groupId,
      token_hash: id('hash'),
      max_uses: 5,
      expires_at: AT + 1,
      created_by: leadId,
      created_at: AT,
    })
    .execute()
  const sheet = { id: id('w'), session_id: sessionId, group_id: groupId }
  await data
    .insertInto('worksheets')
    .values({
      ...sheet,
      template_id: id('tpl'),
      title: 'Thought record',
      mode: 'private',
      content: '{}',
      created_by: leadId,
      created_at: AT,
    })
    .execute()
  // The lead's deck and its picture stay theirs; the handout shown to the group goes.
  const deckId = await aDeck(data, leadId)
  const deckImage = await anImage(data)
  await data.insertInto('deck_images').values({ deck_id: deckId, hash: deckImage }).execute()
  const handoutId = id('h')
  await data
    .insertInto('handouts')
    .values({
      id: handoutId,
      session_id: sessionId,
      deck_id: deckId,
      title: 'Handout',
      created_by: leadId,
      created_at: AT,
    })
    .execute()
  await data
    .insertInto('handout_images')
    .values({ handout_id: handoutId, hash: deckImage })
    .execute()
  await data
    .insertInto('slide_results_shown')
    .values({ handout_id: handoutId, slide_id: 's1' })
    .execute()
  await data
    .insertInto('video_keys')
    .values({ session_id: sessionId, generation: 1, key: 'sealed', created_at: AT })
    .execute()
  const checkinId = id('k')
  await data
    .insertInto('checkins')
    .values({
      id: checkinId,
      session_id: sessionId,
      kind: 'mood',
      moment: 'start',
      named: 0,
      opened_at: AT,
      opened_by: leadId,
    })
    .execute()
  const requestId = id('mr')
  await data
    .insertInto('measure_requests')
    .values({ id: requestId, session_id: sessionId, measure: 'phq9', sent_at: AT, sent_by: leadId })
    .execute()
  await data
    .insertInto('chat_messages')
    .values({
      id: id('c'),
      session_id: sessionId,
      seq: ++seq,
      at: AT,
      author: 'Dr Test',
      text: 'Hello',
    })
    .execute()
  const ids = [
    groupId,
    sessionId,
    seriesId,
    invitationId,
    sheet.id,
    handoutId,
    checkinId,
    requestId,
  ]
  return { groupId, leadId, sessionId, sheet, handoutId, checkinId, requestId, ids }
}

/** Failed sign-ins counted against a member of the group, and against their address. */
export async function signInFailures(data: Data, groupId: string, address: string): Promise<void> {
  const account = `m:${groupId}:robin`
  await data
    .insertInto('login_failures')
    .values(
      [`p:${account}\n${address}`, `a:${account}`, `ip:${address}`].map((key) => ({ key, at: AT })),
    )
    .execute()
}

export interface MemberFootprint {
  id: string
  /** Their id, and those of their rows that other rows name (signal, canvas, message...). */
  ids: string[]
}

/** A member of the group with a row in every table that can name them. */
export async function aMemberFootprint(
  data: Data,
  group: GroupFootprint,
): Promise<MemberFootprint> {
  const { groupId, sessionId, sheet, handoutId, leadId } = group
  const memberId = await aMember(data, groupId)
  await data
    .insertInto('agreement_acceptances')
    .values({ member_id: memberId, version: 1, accepted_at: AT })
    .execute()
  await data
    .insertInto('invitations')
    .values({
      id: id('inv'),
      group_id: groupId,
      token_hash: id('hash'),
      max_uses: 1,
      expires_at: AT + 1,
      created_by: leadId,
      created_at: AT,
      member_id: memberId,
    })
    .execute()
  await data
    .insertInto('session_attendance')
    .values({ session_id: sessionId, member_id: memberId, state: 'admitted', arrived_at: AT })
    .execute()
  await data
    .insertInto('calendar_feeds')
    .values({ token_hash: id('cal'), member_id: memberId })
    .execute()
  await data
    .insertInto('worksheet_shares')
    .values(
      ['', 'f1'].map((field_id) => ({
        worksheet_id: sheet.id,
        member_id: memberId,
        audience: 'group',
        field_id,
        share_key: id('sk'),
        shared_at: AT,
      })),
    )
    .execute()
  await data
    .insertInto('private_copies')
    .values({ worksheet_id: sheet.id, member_id: memberId, copy_key: id('copy') })
    .execute()
  await data
    .insertInto('private_lines')
    .values({ session_id: sessionId, member_id: memberId, line_key: id('line') })
    .execute()
  const signalId = id('sig')
  await data
    .insertInto('silent_signals')
    .values({
      id: signalId,
      session_id: sessionId,
      member_id: memberId,
      kind: 'moment',
      sent_at: AT,
    })
    .execute()
  const messageId = id('c')
  await data
    .insertInto('chat_messages')
    .values({
      id: messageId,
      session_id: sessionId,
      seq: ++seq,
      at: AT,
      author: 'Robin',
      member_id: memberId,
      text: 'hi',
    })
    .execute()
  await data
    .insertInto('crisis_alerts')
    .values({ signal_id: signalId, category: 'self-harm', source: 'chat', message_id: messageId })
    .execute()
  await data
    .insertInto('session_snapshots')
    .values({
      id: id('snap'),
      session_id: sessionId,
      worksheet_id: sheet.id,
      doc: sessionDocName.private(groupId, sessionId, sheet.id, memberId),
      taken_at: AT,
      data: new Uint8Array([1]),
    })
    .execute()
  const subscriptionId = id('push')
  await data
    .insertInto('push_subscriptions')
    .values({
      id: subscriptionId,
      member_id: memberId,
      endpoint: `https://push.example/${subscriptionId}`,
      p256dh: 'k',
      auth: 'a',
      created_at: AT,
    })
    .execute()
  await data
    .insertInto('reminders_sent')
    .values({ subscription_id: subscriptionId, session_id: sessionId, sent_at: AT })
    .execute()
  await data
    .insertInto('deleted_copies')
    .values({ worksheet_id: sheet.id, member_id: memberId, deleted_at: AT })
    .execute()
  await data
    .insertInto('slide_responses')
    .values({
      handout_id: handoutId,
      slide_id: 's1',
      member_id: memberId,
      value: 'sealed',
      answered_at: AT,
    })
    .execute()
  await data
    .insertInto('chat_reactions')
    .values({ message_id: messageId, person: `member:${memberId}`, reaction: 'heart' })
    .execute()
  await data
    .insertInto('chat_mutes')
    .values({
      id: id('mute'),
      session_id: sessionId,
      member_id: memberId,
      named: 0,
      muted_at: AT,
      muted_by: leadId,
    })
    .execute()
  const canvasKey = id('canvas')
  await data
    .insertInto('canvas_keys')
    .values({
      key: canvasKey,
      session_id: sessionId,
      owner_id: memberId,
      kind: 'sketch',
      created_at: AT,
    })
    .execute()
  await data
    .insertInto('canvas_images')
    .values({ key: canvasKey, hash: await anImage(data), created_at: AT })
    .execute()
  const identity = id('vid')
  await data
    .insertInto('video_identities')
    .values({ identity, session_id: sessionId, person_id: memberId, created_at: AT })
    .execute()
  await data.insertInto('video_attendance').values({ identity, joined_at: AT }).execute()
  await data
    .insertInto('checkin_answers')
    .values({
      checkin_id: group.checkinId,
      member_id: memberId,
      mood: 3,
      word: null,
      answered_at: AT,
    })
    .execute()
  await data
    .insertInto('measure_answers')
    .values({
      request_id: group.requestId,
      member_id: memberId,
      answers: '[]',
      score: 'sealed',
      band: 'mild',
      answered_at: AT,
    })
    .execute()
  await data
    .insertInto('member_goals')
    .values({ group_id: groupId, member_id: memberId, goals_key: id('goals'), created_at: AT })
    .execute()
  return { id: memberId, ids: [memberId, signalId, messageId, subscriptionId, canvasKey, identity] }
}

/** The tables of `data`'s own schema (PostgreSQL's catalogue lists every suite's). */
async function tableNames(data: Data): Promise<string[]> {
  const { sql } = await import('kysely')
  const query = onPostgres(data)
    ? sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
    : sql<{ name: string }>`SELECT name FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
  return (await query.execute(data)).rows.map((r) => r.name)
}

/**
 * Every row of the database that names one of `ids` (its values, as JSON, contain one), by
 * table name, sorted: what an erasure left of someone.
 */
export async function rowsNaming(data: Data, ids: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (const table of await tableNames(data)) {
    const rows = (await data
      .selectFrom(table as 'groups')
      .selectAll()
      .execute()) as object[]
    for (const r of rows) if (ids.some((i) => JSON.stringify(r).includes(i))) found.push(table)
  }
  return found.sort()
}

/** How many rows each table holds, to count what an erasure deleted. */
export async function rowCounts(data: Data): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const table of await tableNames(data)) {
    const { n } = await data
      .selectFrom(table as 'groups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts.set(table, Number(n))
  }
  return counts
}
