import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A hash of Hearth's server and shared sources as they were when the bench ran, and when the
 * newest of them changed: the working tree may hold changes no commit names yet.
 */
export function hearthSourceStamp() {
  const files = ['server', 'shared']
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)),
    )
    .filter((f) => f.endsWith('.ts'))
    .sort()
  const hash = createHash('sha256')
  let newest = 0
  for (const file of files) {
    hash.update(file).update(readFileSync(file))
    newest = Math.max(newest, statSync(file).mtimeMs)
  }
  return {
    files: files.length,
    sha256: hash.digest('hex').slice(0, 16),
    newestChange: new Date(newest).toISOString(),
  }
}
