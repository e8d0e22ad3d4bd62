import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'

const reminderState = z.object({ publicKey: z.string(), devices: z.number() })

/** Whether this browser can take push reminders at all (and is a secure context). */
export const pushSupported = (): boolean =>
  window.isSecureContext &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window

/** This device's current subscription, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/')
  return (await registration?.pushManager.getSubscription()) ?? null
}

export class ReminderProblem extends Error {}

/**
 * Turns reminders on for this device: permission, the service worker, the browser's
 * subscription with the server's VAPID key, then the server's record of it.
 */
export async function subscribeThisDevice(): Promise<void> {
  const permission = await Notification.requestPermission()
  if (permission !== 'granted') {
    throw new ReminderProblem(
      'Your browser is set to block notifications from Hearth. Allow them in its site settings, then try again.',
    )
  }
  const { publicKey } = await apiRequest('/api/member/reminders', { schema: reminderState })
  await navigator.serviceWorker.register('/sw.js', { scope: '/' })
  const registration = await navigator.serviceWorker.ready
  let subscription: PushSubscription
  try {
    subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: Uint8Array.from(
        atob(publicKey.replace(/-/g, '+').replace(/_/g, '/')),
        (c) => c.charCodeAt(0),
      ),
    })
  } catch {
    throw new ReminderProblem(
      'This browser could not reach its notification service. Check your connection and try again.',
    )
  }
  await apiRequest('/api/member/reminders', {
    method: 'POST',
    body: subscription.toJSON(),
    schema: z.unknown(),
  })
}

/** Turns reminders off for this device, in the browser and on the server. */
export async function unsubscribeThisDevice(): Promise<void> {
  const subscription = await currentSubscription()
  if (!subscription) return
  await apiRequest('/api/member/reminders/off', {
    method: 'POST',
    body: { endpoint: subscription.endpoint },
    schema: z.unknown(),
  })
  await subscription.unsubscribe()
}
