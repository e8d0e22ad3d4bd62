/**
 * Builds the server into `dist/server/` (`npm run build`, and `npm start` when its sources
 * changed). The process then loads a few dozen files instead of about 500: start-up went from
 * about 630 to 230 ms to "listening" on this project's machine (docs/PERFORMANCE.md, section
 * 13), nearly all of it module resolution and loading.
 *
 * Only Hearth's own code and three packages that load as hundreds of small files go into the
 * bundle: zod and Hono (every start) and Kysely (its 300 files took about 70 ms, paid by the
 * first join after a start, when the set-up link check loaded it; a chunk of its own now, still
 * loaded on first use). Every other package stays in node_modules, loaded as before:
 * - yjs and lib0 must stay single copies shared with the packages that import them later
 *   (TipTap's Yjs binding for the PDF export), or Yjs's type checks fail between two copies;
 * - the packages kept for first use (`server/startupImports.test.ts`) stay behind their
 *   dynamic imports;
 * - packages that find their own files (pdfkit's fonts, pdf.js) keep finding them.
 * The code is not minified, so stack traces and profiles keep Hearth's function names.
 */
import { rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, resolve } from 'node:path'
import { rolldown, type Plugin } from 'rolldown'

export const SERVER_OUT_DIR = 'dist/server'

const BUNDLED_PACKAGES = /^(zod|hono|@hono\/node-server|kysely)(\/|$)/
const isBareSpecifier = (id: string) => !/^[./]/.test(id) && !/^[a-zA-Z]:[\\/]/.test(id)

function isExternal(id: string): boolean {
  if (id.startsWith('node:') || builtinModules.includes(id)) return true
  return isBareSpecifier(id) && !BUNDLED_PACKAGES.test(id)
}

// main.js turns on the compile cache, then imports the rest: it stays a small file of its own.
// A module started by path (the backup and checkpoint threads: `new Worker(new URL(...))`) is an
// entry too.
const ENTRIES: Record<string, string> = {
  main: 'server/main.js',
  backupThread: 'server/backup/backupThread.ts',
  checkpointThread: 'server/store/checkpointThread.ts',
}

const FILE_URL = /new URL\((['"])(\.{1,2}\/[\w./-]+\.ts)\1, import\.meta\.url\)/g

/**
 * Points `new URL('./x.ts', import.meta.url)` at the built entry of that file (`./x.js`: every
 * output file sits in one folder). A file so referenced that is not an entry fails the build,
 * instead of failing in production when the code first runs.
 */
function fileUrlsToEntries(): Plugin {
  const entryOf = new Map(Object.entries(ENTRIES).map(([name, path]) => [resolve(path), name]))
  return {
    name: 'hearth-file-urls',
    transform(code, id) {
      if (!code.includes('import.meta.url')) return null
      let changed = false
      const out = code.replace(FILE_URL, (_match, quote: string, path: string) => {
        const name = entryOf.get(resolve(dirname(id), path))
        if (!name) throw new Error(`${id} starts ${path} by path, which is not a build entry`)
        changed = true
        return `new URL(${quote}./${name}.js${quote}, import.meta.url)`
      })
      // Only a string within one line changes: the lines keep their source positions.
      return changed ? { code: out, map: null } : null
    },
  }
}

export async function buildServer(outDir = SERVER_OUT_DIR): Promise<void> {
  rmSync(outDir, { recursive: true, force: true })
  const bundle = await rolldown({
    input: ENTRIES,
    platform: 'node',
    external: isExternal,
    plugins: [fileUrlsToEntries()],
  })
  try {
    await bundle.write({
      dir: outDir,
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: true,
    })
  } finally {
    await bundle.close()
  }
}

if (import.meta.main) {
  const started = performance.now()
  await buildServer()
  process.stderr.write(
    `Server built into ${SERVER_OUT_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
  )
}
