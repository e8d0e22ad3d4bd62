/**
 * `npm start` runs this before the server: it builds the client only when its sources changed
 * since the last build (a fingerprint of every file the bundle is made from, kept beside the
 * build), so a restart costs nothing and a fresh clone or an edit still gets a fresh build.
 * `npm run build` always builds and prints Vite's full report.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

const OUT_DIR = 'dist/client'
const STAMP = join(OUT_DIR, '.sources')
const INPUTS = [
  'client',
  'shared',
  'scripts/precompress.ts',
  'vite.config.ts',
  'tsconfig.json',
  'package-lock.json',
]

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return []
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
  } catch {
    return [path] // a file, not a folder
  }
}

function fingerprint(): string {
  const hash = createHash('sha256')
  for (const file of INPUTS.flatMap(filesUnder).sort()) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

const sources = fingerprint()
const built = existsSync(join(OUT_DIR, 'index.html')) && existsSync(STAMP)
if (built && readFileSync(STAMP, 'utf8') === sources) {
  process.stderr.write('Client is up to date (dist/client).\n')
} else {
  process.stderr.write('Building the client (first start, or its sources changed)…\n')
  const started = performance.now()
  // Warnings and the file list belong to `npm run build`; here only failures are shown.
  await build({ logLevel: 'error' })
  writeFileSync(STAMP, sources)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stderr.write(`Client built in ${seconds} s.\n`)
}
