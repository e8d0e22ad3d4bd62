/** The sync endpoint on the page's own origin: `wss://` when the page came over HTTPS. */
export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/sync`
}
