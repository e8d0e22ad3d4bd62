import { newVapidKeys, type VapidKeys } from './vapid.ts'

/**
 * The VAPID key pair of instances on separate hosts: made by the first instance that starts and
 * kept, sealed, in the key ring's database, so that every instance signs pushes with the key
 * browsers subscribed to (one host keeps it in the data folder instead: `loadVapidKeys`).
 */
export async function sharedVapidKeys(ring: {
  secret(name: string, make: () => string): Promise<string>
}): Promise<VapidKeys> {
  const text = await ring.secret('vapid', () => JSON.stringify(newVapidKeys()))
  return JSON.parse(text) as VapidKeys
}
