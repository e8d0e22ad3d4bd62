import { MUX_PATH } from '../../shared/sync/muxFrames.ts'

/** The sync endpoint on the page's own origin: `wss://` when the page came over HTTPS. */
export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/sync`
}

/** The multiplexed socket on the page's own origin (one socket for every document). */
export function muxServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return syncServerUrl(location).replace(/\/sync$/, MUX_PATH)
}
