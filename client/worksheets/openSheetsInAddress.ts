import type { DocName } from '../../shared/documents/docName.ts'

const PARAM = 'sheet'

/**
 * The sheets open in the room, kept in the page's address (`?sheet=…`) so that a reload, or a
 * phone that dropped the tab, opens them again. The address, not browser storage: the names
 * are opaque document names, and nothing of what is written goes there (C22).
 */
export function readOpenSheets(): string[] {
  return new URLSearchParams(window.location.search).getAll(PARAM)
}

export function writeOpenSheets(names: readonly DocName[]): void {
  const url = new URL(window.location.href)
  url.searchParams.delete(PARAM)
  for (const name of names) url.searchParams.append(PARAM, name)
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url)
}
