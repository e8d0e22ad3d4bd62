import { createRequire } from 'node:module'
import type * as WebPush from 'web-push'

const require = createRequire(import.meta.url)
let webPushModule: typeof WebPush | null = null

/**
 * `web-push`, loaded on first use: when a first start makes the VAPID key pair, and when the
 * first reminder goes out. Other starts read the keys from their file and never need it. It is
 * CommonJS, so it is required (synchronously, as `loadVapidKeys` runs during start-up).
 */
export const webPush = () => (webPushModule ??= require('web-push') as typeof WebPush)
