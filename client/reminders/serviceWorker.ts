/**
 * Hearth's service worker, served as `/sw.js`: it shows reminders pushed by the server
 * (server/reminders/sendReminders.ts) and opens Hearth when one is tapped. It caches
 * nothing: what members wrote never sits in a cache the server cannot erase.
 */

interface PushMessageEvent extends Event {
  data: { json(): unknown } | null
  waitUntil(work: Promise<unknown>): void
}
interface NotificationClick extends Event {
  notification: { data: unknown; close(): void }
  waitUntil(work: Promise<unknown>): void
}
interface WorkerScope {
  registration: ServiceWorkerRegistration
  clients: {
    matchAll(options: { type: 'window' }): Promise<{ url: string; focus(): Promise<unknown> }[]>
    openWindow(url: string): Promise<unknown>
  }
  location: Location
  addEventListener(type: 'push', listener: (event: PushMessageEvent) => void): void
  addEventListener(type: 'notificationclick', listener: (event: NotificationClick) => void): void
}

const scope = self as unknown as WorkerScope

/** Only the neutral words the server sends; anything else falls back to them. */
function readReminder(event: PushMessageEvent): { title: string; body: string; url: string } {
  const fallback = { title: 'Hearth', body: 'Your group meets soon', url: '/' }
  try {
    const data = event.data?.json() as Partial<typeof fallback> | undefined
    return {
      title: typeof data?.title === 'string' ? data.title : fallback.title,
      body: typeof data?.body === 'string' ? data.body : fallback.body,
      // Same origin only: a reminder never opens another site.
      url: typeof data?.url === 'string' && /^\/(?!\/)/.test(data.url) ? data.url : '/',
    }
  } catch {
    return fallback
  }
}

scope.addEventListener('push', (event) => {
  const reminder = readReminder(event)
  event.waitUntil(
    scope.registration.showNotification(reminder.title, {
      body: reminder.body,
      tag: 'hearth-reminder',
      icon: '/favicon.svg',
      data: { url: reminder.url },
    }),
  )
})

scope.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/'
  event.waitUntil(
    scope.clients.matchAll({ type: 'window' }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === scope.location.origin)
      return open ? open.focus() : scope.clients.openWindow(url)
    }),
  )
})

export {}
