import { ANONYMOUS_LABEL } from '../../shared/chat/chatDoc.ts'
import { LINE_CRISIS, LINE_MESSAGES, type LineMessage } from '../../shared/chat/lineDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import {
  SIGNALS_LIST,
  SIGNALS_RESOURCES,
  type AlertSource,
} from '../../shared/signals/signalDocs.ts'
import type { FacilitatorPrincipal, MemberPrincipal } from '../auth/Principal.ts'
import { resourcesFor } from '../crisis/loadCrisisConfig.ts'
import type { RiskMatch } from '../crisis/findRisk.ts'
import { newId } from '../db/newId.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import type { Services } from '../http/AppEnv.ts'
import { lineNameFor } from '../signals/privateLines.ts'
import {
  claimResourcesSent,
  crisisAlertWriter,
  recordCrisisAlert,
  releaseResourcesSent,
} from './crisisRecord.ts'

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

const lineOf = async (services: Services, groupId: string, sessionId: string, memberId: string) =>
  lineNameFor(await services.data(), groupId, sessionId, memberId)

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
  const { now, sync } = services
  const { groupId, sessionId, writer } = alert
  const at = now()
  const id = newId('signal')
  // The facilitators already have this writer's alerts in front of them: more would bury the
  // banner (and grow the facilitators' document) without telling them anything new.
  const recorded = await recordCrisisAlert(
    await services.data(),
    {
      id,
      sessionId,
      groupId,
      memberId: writer.id,
      category: alert.risk.category,
      source: alert.source,
      messageId: alert.messageId ?? null,
    },
    at,
  )
  if (!recorded) {
    services.log.info({ session: sessionId, category: alert.risk.category }, 'crisis alert held')
    return null
  }
  const line = await lineOf(services, groupId, sessionId, writer.id)
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
  const region = (await groupSettingsOf(await services.data(), groupId))?.crisisRegion ?? 'other'
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
  const { now, sync } = services
  const { id: sessionId, groupId } = session
  const writer = await crisisAlertWriter(await services.data(), sessionId, alertId)
  if (!writer) return false
  const at = now()
  const sent = { alertId, sessionId, groupId, by: facilitator }
  // Claimed before anything is sent: a second click (or the same click through another
  // instance) finds it claimed and sends nothing twice.
  if (!(await claimResourcesSent(await services.data(), sent, at))) return true
  try {
    const region = (await groupSettingsOf(await services.data(), groupId))?.crisisRegion ?? 'other'
    const message: LineMessage = {
      id: newId('lineMessage'),
      at,
      from: 'facilitator',
      name: facilitator.name,
      text: RESOURCES_NOTE,
      resources: resourcesFor(services.crisis.resources, region),
    }
    await sync.serverWrite(await lineOf(services, groupId, sessionId, writer), (doc) => {
      doc.getArray(LINE_MESSAGES).push([message])
    })
    await sync.serverWrite(sessionDocName.signals(groupId, sessionId) as DocName, (doc) => {
      doc.getMap(SIGNALS_RESOURCES).set(alertId, { at, by: facilitator.name })
    })
  } catch (error) {
    // Not sent: the facilitator may try again.
    await releaseResourcesSent(await services.data(), alertId, at)
    throw error
  }
  return true
}
