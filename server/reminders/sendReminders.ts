import type { Services } from '../http/AppEnv.ts'
import { vapidAuthorization } from './vapid.ts'
import { webPush } from './webPush.ts'

/** A reminder goes out this long before a session starts. */
export const REMINDER_LEAD_MS = 60 * 60_000

/**
 * The words of a reminder: neutral on a lock screen, never the group's name or theme.
 * "Your group meets in 1 hour", or the minutes left when the job runs late.
 */
export function reminderText(msLeft: number): string {
  const minutes = Math.max(1, Math.round(msLeft / 60_000))
  return minutes >= 55 ? 'Your group meets in 1 hour' : `Your group meets in ${minutes} minutes`
}

interface Due {
  subscriptionId: string
  endpoint: string
  p256dh: string
  auth: string
  sessionId: string
  startsAt: number
}

/**
 * The reminder job: for each session starting within the hour, one push to every device of
 * every active member who opted in, once (recorded before sending: a crash loses a reminder
 * rather than repeating it). A subscription the push service says is gone is deleted. Logs
 * counts only.
 */
export async function sendReminders(
  services: Services,
): Promise<{ sent: number; gone: number; failed: number }> {
  const { db, log, now, push } = services
  const at = now()
  const due = db.sql
    .prepare(
      `SELECT p.id AS subscriptionId, p.endpoint, p.p256dh, p.auth, s.id AS sessionId, s.starts_at AS startsAt
       FROM sessions s JOIN members m ON m.group_id = s.group_id AND m.status = 'active'
       JOIN push_subscriptions p ON p.member_id = m.id
       WHERE s.status IN ('scheduled', 'open') AND s.starts_at > ? AND s.starts_at - ? <= ?
         AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.subscription_id = p.id AND r.session_id = s.id)`,
    )
    .all(at, REMINDER_LEAD_MS, at) as unknown as Due[]
  const record = db.sql.prepare(
    'INSERT OR IGNORE INTO reminders_sent (subscription_id, session_id, sent_at) VALUES (?, ?, ?)',
  )
  const forget = db.sql.prepare('DELETE FROM push_subscriptions WHERE id = ?')
  let sent = 0
  let gone = 0
  let failed = 0
  for (const reminder of due) {
    if (record.run(reminder.subscriptionId, reminder.sessionId, at).changes === 0) continue
    const payload = JSON.stringify({
      title: 'Hearth',
      body: reminderText(reminder.startsAt - at),
      url: '/',
    })
    const outcome = await deliver(
      reminder,
      payload,
      vapidAuthorization(reminder.endpoint, push.keys, push.subject, at),
      Math.max(60, Math.floor((reminder.startsAt - at) / 1000)),
    )
    if (outcome === 'sent') sent++
    else if (outcome === 'gone') {
      forget.run(reminder.subscriptionId)
      gone++
    } else {
      failed++
      log.warn({ status: outcome }, 'reminder not delivered')
    }
  }
  if (due.length > 0) log.info({ sent, gone, failed }, 'reminders sent')
  return { sent, gone, failed }
}

/**
 * One push: `web-push` encrypts the payload for the device (RFC 8291) and builds the request;
 * `fetch` sends it. 404 or 410 mean the subscription is gone; anything else not 2xx is a
 * failure, told by its status (or 0 when the service could not be reached).
 */
async function deliver(
  reminder: Due,
  payload: string,
  authorization: string,
  ttlSeconds: number,
): Promise<'sent' | 'gone' | number> {
  const request = webPush().generateRequestDetails(
    { endpoint: reminder.endpoint, keys: { p256dh: reminder.p256dh, auth: reminder.auth } },
    payload,
    {
      vapidDetails: null as never,
      TTL: ttlSeconds,
      urgency: 'normal',
      topic: 'reminder',
      headers: { Authorization: authorization },
    },
  )
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      // fetch sets the length itself.
      headers: Object.fromEntries(
        Object.entries(request.headers)
          .filter(([name]) => name.toLowerCase() !== 'content-length')
          .map(([name, value]) => [name, String(value)]),
      ),
      body: request.body ? new Uint8Array(request.body) : null,
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    })
    await response.body?.cancel()
    if (response.ok) return 'sent'
    return response.status === 404 || response.status === 410 ? 'gone' : response.status
  } catch {
    return 0
  }
}
