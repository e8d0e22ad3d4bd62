import type { Services } from '../http/AppEnv.ts'
import { dueReminders, recordReminder, type DueReminder } from './dueReminders.ts'
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

/**
 * The reminder job: for each session starting within the hour, one push to every device of
 * every active member who opted in, once (recorded before sending: a crash loses a reminder
 * rather than repeating it). A subscription the push service says is gone is deleted. Logs
 * counts only.
 */
export async function sendReminders(
  services: Services,
): Promise<{ sent: number; gone: number; failed: number }> {
  const { log, now, push } = services
  const at = now()
  const data = await services.data()
  const due = await dueReminders(data, at, REMINDER_LEAD_MS)
  let sent = 0
  let gone = 0
  let failed = 0
  for (const reminder of due) {
    if (!(await recordReminder(data, reminder.subscriptionId, reminder.sessionId, at))) continue
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
      await data
        .deleteFrom('push_subscriptions')
        .where('id', '=', reminder.subscriptionId)
        .execute()
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
  reminder: DueReminder,
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
