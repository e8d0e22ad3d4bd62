import { ANONYMOUS_LABEL } from '../../shared/chat/chatDoc.ts'
import { LINE_CRISIS, LINE_MESSAGES, type LineMessage } from '../../shared/chat/lineDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import {
  SIGNALS_LIST,
  SIGNALS_RESOURCES,
  type AlertSource,
} from '../../shared/signals/signalDocs.ts'
import { appendAudit } from '../audit/audit.ts'
import type { FacilitatorPrincipal, MemberPrincipal } from '../auth/Principal.ts'
import { resourcesFor } from '../crisis/loadCrisisConfig.ts'
import type { RiskMatch } from '../crisis/findRisk.ts'
import { newId } from '../db/newId.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import type { Services } from '../http/AppEnv.ts'
import { lineNameFor } from '../signals/privateLines.ts'

/** Unseen alerts from one writer at a time; the next waits until a facilitator saw them. */
export const OPEN_ALERTS_PER_WRITER = 3

/** The colour of an alert whose writer the facilitators may not know. */
const UNNAMED_COLOUR = '#6b5b4e'

/** What a facilitator's one click sends with the resources, on the member's private line. */
export const RESOURCES_NOTE =
  'I saw your message and I want to make sure you are safe. Here are people you can reach at any time. I am here too: you can write to me privately.'

export interface CrisisMessage {
  groupId: string
  sessionId: string
  writer: MemberPrincipal
  risk: RiskMatch
  source: AlertSource
  text: string
  /** The chat message, for a chat alert (so that removing it removes the alert's copy). */
  messageId?: string
  /** Whether the facilitators may know who wrote it (a private line always names its writer). */
  named: boolean
}

const lineOf = (services: Services, groupId: string, sessionId: string, memberId: string) =>
  lineNameFor(services.db, groupId, sessionId, memberId)

/**
 * A message matched a risk phrase: the facilitators are alerted at once, in the same banner as
 * a silent signal, with the message; the writer is shown, privately, the crisis resources of
 * the group's region. The message itself is never blocked or hidden. The writer's id is kept
 * on the server (so that resources reach them) but shown to facilitators only as the group's
 * identity policy allows; logs and the trail carry the category only.
 */
export async function raiseCrisisAlert(
  services: Services,
  alert: CrisisMessage,
): Promise<string | null> {
  const { db, now, sync } = services
  const { groupId, sessionId, writer } = alert
  // The facilitators already have this writer's alerts in front of them: more would bury the
  // banner (and grow the facilitators' document) without telling them anything new.
  const open = db.sql
    .prepare(
      `SELECT COUNT(*) AS n FROM silent_signals
       WHERE session_id = ? AND member_id = ? AND kind = 'crisis' AND seen_at IS NULL`,
    )
    .get(sessionId, writer.id) as { n: number }
  if (open.n >= OPEN_ALERTS_PER_WRITER) {
    services.log.info({ session: sessionId, category: alert.risk.category }, 'crisis alert held')
    return null
  }
  const at = now()
  const id = newId('signal')
  db.transaction(() => {
    db.sql
      .prepare(
        `INSERT INTO silent_signals (id, session_id, member_id, kind, sent_at)
         VALUES (?, ?, ?, 'crisis', ?)`,
      )
      .run(id, sessionId, writer.id, at)
    db.sql
      .prepare(
        'INSERT INTO crisis_alerts (signal_id, category, source, message_id) VALUES (?, ?, ?, ?)',
      )
      .run(id, alert.risk.category, alert.source, alert.messageId ?? null)
    appendAudit(
      db,
      {
        actor: { kind: 'system', id: null },
        action: 'crisis.alerted',
        target: { kind: 'session', id: sessionId },
        groupId,
        detail: { category: alert.risk.category, source: alert.source },
      },
      at,
    )
  })
  const line = lineOf(services, groupId, sessionId, writer.id)
  await sync.serverWrite(sessionDocName.signals(groupId, sessionId) as DocName, (doc) => {
    doc.getArray(SIGNALS_LIST).push([
      {
        id,
        at,
        kind: 'crisis',
        name: alert.named ? writer.name : ANONYMOUS_LABEL,
        colour: alert.named ? writer.colour : UNNAMED_COLOUR,
        category: alert.risk.category,
        source: alert.source,
        text: alert.text,
        ...(alert.messageId ? { messageId: alert.messageId } : {}),
        // Where a facilitator may answer them by name: their private line.
        ...(alert.named ? { line } : {}),
      },
    ])
  })
  const region = groupSettingsOf(db, groupId)?.crisisRegion ?? 'other'
  await sync.serverWrite(line, (doc) => {
    doc
      .getMap(LINE_CRISIS)
      .set(id, { at, resources: resourcesFor(services.crisis.resources, region) })
  })
  services.log.info({ session: sessionId, category: alert.risk.category }, 'crisis alert raised')
  return id
}

/**
 * A facilitator's one click: the crisis resources of the group's region, with a caring word,
 * on the writer's private line — whoever they are, without telling the facilitator who.
 * Returns false for an unknown alert.
 */
export async function sendCrisisResources(
  services: Services,
  session: { id: string; groupId: string },
  alertId: string,
  facilitator: FacilitatorPrincipal,
): Promise<boolean> {
  const { db, now, sync } = services
  const { id: sessionId, groupId } = session
  const alert = db.sql
    .prepare(
      `SELECT s.member_id FROM silent_signals s JOIN crisis_alerts a ON a.signal_id = s.id
       WHERE s.id = ? AND s.session_id = ?`,
    )
    .get(alertId, sessionId) as { member_id: string } | undefined
  if (!alert) return false
  const at = now()
  const region = groupSettingsOf(db, groupId)?.crisisRegion ?? 'other'
  const message: LineMessage = {
    id: newId('lineMessage'),
    at,
    from: 'facilitator',
    name: facilitator.name,
    text: RESOURCES_NOTE,
    resources: resourcesFor(services.crisis.resources, region),
  }
  await sync.serverWrite(lineOf(services, groupId, sessionId, alert.member_id), (doc) => {
    doc.getArray(LINE_MESSAGES).push([message])
  })
  await sync.serverWrite(sessionDocName.signals(groupId, sessionId) as DocName, (doc) => {
    doc.getMap(SIGNALS_RESOURCES).set(alertId, { at, by: facilitator.name })
  })
  db.transaction(() => {
    db.sql
      .prepare('UPDATE crisis_alerts SET resources_sent_at = ? WHERE signal_id = ?')
      .run(at, alertId)
    appendAudit(
      db,
      {
        actor: facilitator,
        action: 'crisis.resources-sent',
        target: { kind: 'session', id: sessionId },
        groupId,
      },
      at,
    )
  })
  return true
}
