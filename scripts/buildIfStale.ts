/**
 * `npm start` runs this before the server: it builds the client and the server only when their
 * sources changed since the last build (a fingerprint of every file a bundle is made from, kept
 * beside it), so a restart costs nothing and a fresh clone or an edit still gets a fresh build.
 * `npm run build` always builds both and prints Vite's full report.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { buildServer, SERVER_OUT_DIR } from './buildServer.ts'

const COMMON = ['shared', 'tsconfig.json', 'package-lock.json']

const TARGETS = [
  {
    name: 'client',
    outDir: 'dist/client',
    builtFile: 'index.html',
    inputs: ['client', 'scripts/precompress.ts', 'vite.config.ts', ...COMMON],
    // Warnings and the file list belong to `npm run build`; here only failures are shown.
    build: () => build({ logLevel: 'error' }).then(() => undefined),
  },
  {
    name: 'server',
    outDir: SERVER_OUT_DIR,
    builtFile: 'main.js',
    inputs: ['server', 'scripts/buildServer.ts', ...COMMON],
    build: () => buildServer(),
  },
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

function fingerprint(inputs: string[]): string {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap(filesUnder).sort()) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

for (const target of TARGETS) {
  const stamp = join(target.outDir, '.sources')
  const sources = fingerprint(target.inputs)
  const built = existsSync(join(target.outDir, target.builtFile)) && existsSync(stamp)
  if (built && readFileSync(stamp, 'utf8') === sources) {
    process.stderr.write(`The ${target.name} is up to date (${target.outDir}).\n`)
    continue
  }
  process.stderr.write(`Building the ${target.name} (first start, or its sources changed)…\n`)
  const started = performance.now()
  await target.build()
  writeFileSync(stamp, sources)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stderr.write(`The ${target.name} was built in ${seconds} s.\n`)
}
