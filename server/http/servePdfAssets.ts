import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from './AppEnv.ts'

const require = createRequire(import.meta.url)
const ROOT = dirname(require.resolve('pdfjs-dist/package.json'))
const FOLDERS = new Set(['cmaps', 'standard_fonts', 'wasm'])
const TYPES: Record<string, string> = {
  bcmap: 'application/octet-stream',
  pfb: 'application/octet-stream',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
}

/**
 * The data pdf.js asks for while a facilitator imports a PDF deck (character maps, standard
 * fonts, its decoders), from our own origin: no request leaves for a CDN. Only those three
 * folders, only plain file names.
 */
export function servePdfAssets(app: Hono<AppEnv>): void {
  app.get('/pdfjs/:folder/:file', async (c) => {
    const { folder, file } = c.req.param()
    const extension = file.split('.').pop() ?? ''
    if (!FOLDERS.has(folder) || !/^[A-Za-z0-9_.-]+$/.test(file) || !(extension in TYPES)) {
      return c.text('Not Found', 404)
    }
    try {
      const data = await readFile(join(ROOT, folder, file))
      return c.body(new Uint8Array(data), 200, {
        'content-type': TYPES[extension]!,
        'cache-control': 'public, max-age=86400',
      })
    } catch {
      return c.text('Not Found', 404)
    }
  })
}
