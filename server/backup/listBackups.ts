import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { decodeHeader, HEADER_BYTES } from './backupFormat.ts'
import type { BackupEntry } from './backupRules.ts'

/** What a finished backup file's name ends with; temporary files end otherwise. */
export const BACKUP_SUFFIX = '.hbak'

/** The name of a backup: its time first, so names sort as times do, then a piece of its id. */
export function backupName(createdAt: number, id: string): string {
  const stamp = new Date(createdAt)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `hearth-${stamp}-${id.slice(0, 8)}${BACKUP_SUFFIX}`
}

function readHeaderTime(path: string): number | null {
  const fd = openSync(path, 'r')
  try {
    const bytes = Buffer.alloc(HEADER_BYTES)
    const n = readSync(fd, bytes, 0, HEADER_BYTES, 0)
    return decodeHeader(bytes.subarray(0, n)).createdAt
  } catch {
    return null
  } finally {
    closeSync(fd)
  }
}

/** The backup files in `dir`, newest first; a missing folder has none. */
export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return []
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(BACKUP_SUFFIX))
    .map((e) => {
      const path = join(dir, e.name)
      return { name: e.name, createdAt: readHeaderTime(path), bytes: statSync(path).size }
    })
  return entries.sort(
    (a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || b.name.localeCompare(a.name),
  )
}
