import type { AuditEntry } from './auditSchemas.ts'

/** What happened, in words, for each action the server records. */
const ACTIONS: Record<string, string> = {
  'facilitator.created': 'Facilitator account created',
  'login.succeeded': 'Signed in',
  'login.failed': 'Sign-in failed',
  'login.ended': 'Signed out',
  'login.expired': 'Sign-in expired',
  'totp.enabled': 'Two-factor sign-in turned on',
  'group.created': 'Group created',
  'group.updated': 'Settings changed',
  'agreement.published': 'Agreement published',
  'agreement.accepted': 'Agreement accepted',
  'facilitator.added': 'Facilitator added',
  'facilitator.role-changed': 'Facilitator role changed',
  'facilitator.removed': 'Facilitator removed',
  'invitation.created': 'Invitation created',
  'invitation.revoked': 'Invitation withdrawn',
  'member.joined': 'Joined the group',
  'member.access-reissued': 'Access link re-issued',
  'member.access-restored': 'Access restored',
  'member.removed': 'Removed from the group',
  'session.scheduled': 'Session scheduled',
  'session.status-changed': 'Session status changed',
  'session.locked': 'Session locked',
  'session.unlocked': 'Session unlocked',
  'session.arrived': 'Arrived in the waiting room',
  'session.admitted': 'Admitted to a session',
  'session.returned-to-waiting-room': 'Sent back to the waiting room',
  'session.removed': 'Removed from a session',
  'document.opened': 'Opened a session document',
  'audit.viewed': 'Viewed the audit trail',
  'calendar.created': 'Calendar link created',
  'session.release-changed': 'Changed what members may come back to',
  'session.materials-deleted': 'Session materials deleted when their time ran out',
  'worksheet.erased': 'Erased their own copy of a worksheet',
  'member.erased': 'Erased a member’s data',
  'group.erased': 'Deleted the group and everything in it, for good',
  'chat.message-removed': 'Removed a chat message',
  'chat.settings-changed': 'Changed the chat’s settings (slow mode, lock)',
  'chat.muted': 'Paused a member’s chat messages',
  'chat.unmuted': 'Let a member chat again',
  'chat.cleared': 'Chat cleared at the end of the session',
  'crisis.alerted': 'A message raised a crisis alert',
  'crisis.resources-sent': 'Sent crisis resources privately',
  'canvas.locked': 'Locked the group canvas',
  'canvas.unlocked': 'Unlocked the group canvas',
  'video.muted': 'Muted someone’s microphone in the call',
  'video.removed': 'Took someone out of the call',
  'checkin.opened': 'Opened a check-in',
  'measure.sent': 'Sent a questionnaire (PHQ-9 or GAD-7)',
  'measure.answered': 'Answered a questionnaire',
  'goals.shared': 'Shared their own goals with the facilitators',
  'goals.unshared': 'Took back their own goals from the facilitators',
}

/** Names the trail can show for ids: facilitators, members (pseudonyms) and sessions. */
export type AuditNames = ReadonlyMap<string, string>

export interface AuditLine {
  actor: string
  action: string
  target: string
}

function nameOf(kind: string | null, id: string | null, names: AuditNames): string {
  if (kind === 'system') return 'Hearth'
  if (kind === 'anonymous' || !id) return 'Someone not signed in'
  const known = names.get(id)
  if (known) return known
  return kind === 'member' ? 'A member' : kind === 'facilitator' ? 'A facilitator' : id
}

function detailText(action: string, detail: string): string {
  let fields: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(detail)
    if (!parsed || typeof parsed !== 'object') return ''
    fields = parsed as Record<string, unknown>
  } catch {
    return ''
  }
  if (action === 'session.status-changed') return `${fields.from} → ${fields.to}`
  if (action === 'agreement.published' || action === 'agreement.accepted')
    return `version ${fields.version}`
  if (action === 'session.scheduled' && Number(fields.count) > 1) return `${fields.count} weekly`
  return ''
}

/** One entry in words: who did what to whom. Unknown actions are shown as they are. */
export function describeAudit(entry: AuditEntry, names: AuditNames): AuditLine {
  const target = entry.target_kind
    ? entry.target_kind === 'document'
      ? 'Session room'
      : entry.target_kind === 'invitation'
        ? 'An invitation'
        : entry.target_kind === 'group'
          ? 'The group'
          : nameOf(entry.target_kind, entry.target_id, names)
    : ''
  const detail = detailText(entry.action, entry.detail)
  return {
    actor: nameOf(entry.actor_kind, entry.actor_id, names),
    action: ACTIONS[entry.action] ?? entry.action,
    target: [target, detail].filter(Boolean).join(' · '),
  }
}
