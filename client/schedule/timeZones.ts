/** The browser's own time zone, the default for new sessions. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Every zone the browser knows, with `current` among them even if it is an alias. */
export function timeZoneOptions(current: string): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'))
  zones.add(current)
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))
}
