/** A backup file as listed: its name, when it was taken (from its header) and its size. */
export interface BackupEntry {
  name: string
  /** Null when the file's header cannot be read: such a file is listed, never pruned. */
  createdAt: number | null
  bytes: number
}

/**
 * Retention: the newest `keep` backups stay, older ones go. Files whose header cannot be read
 * are not counted and never chosen: what is not understood is not deleted.
 */
export function backupsToPrune(backups: readonly BackupEntry[], keep: number): BackupEntry[] {
  const readable = backups.filter(
    (b): b is BackupEntry & { createdAt: number } => b.createdAt !== null,
  )
  const newestFirst = [...readable].sort(
    (a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name),
  )
  return newestFirst.slice(Math.max(keep, 1))
}

/**
 * Whether a scheduled backup is due: none yet, or the newest is a period old. A backup dated
 * after `now` (the clock was set back) does not count, so backups do not stop until the
 * clock catches up with it.
 */
export function backupDue(backups: readonly BackupEntry[], now: number, everyMs: number): boolean {
  const times = backups.map((b) => b.createdAt).filter((t): t is number => t !== null && t <= now)
  if (times.length === 0) return true
  return now - Math.max(...times) >= everyMs
}
