import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gzip } from 'node:zlib'
import { promisify } from 'node:util'
import type { Context, Hono } from 'hono'
import type { AppEnv } from './AppEnv.ts'

const require = createRequire(import.meta.url)
const gzipAsync = promisify(gzip)

const TYPES: Record<string, string> = {
  bcmap: 'application/octet-stream',
  binarypb: 'application/octet-stream',
  js: 'text/javascript; charset=utf-8',
  pfb: 'application/octet-stream',
  tflite: 'application/octet-stream',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
}
/** Worth compressing: the segmentation model's WebAssembly is 5.7 MB, 1.7 MB gzipped. */
const COMPRESSIBLE = new Set(['js', 'wasm', 'tflite'])

/** A file of an npm package the browser asks for by URL, from our own origin. */
interface PackageFiles {
  /** The package whose folder the files are read from. */
  packageName: string
  /** The folders (relative to the package) files may come from. */
  folders: ReadonlySet<string>
}

/** The gzipped twins made so far (a fixed, small set of files: read once, compressed once). */
const gzipped = new Map<string, Promise<Buffer>>()

async function sendFile(c: Context<AppEnv>, files: PackageFiles, folder: string, file: string) {
  const extension = file.split('.').pop() ?? ''
  if (!files.folders.has(folder) || !/^[A-Za-z0-9_.-]+$/.test(file) || !(extension in TYPES)) {
    return c.text('Not Found', 404)
  }
  const path = join(dirname(require.resolve(`${files.packageName}/package.json`)), folder, file)
  const headers: Record<string, string> = {
    'content-type': TYPES[extension]!,
    'cache-control': 'public, max-age=86400',
    vary: 'accept-encoding',
  }
  try {
    if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      let twin = gzipped.get(path)
      if (!twin) {
        twin = readFile(path).then((data) => gzipAsync(data, { level: 9 }))
        gzipped.set(path, twin)
        twin.catch(() => gzipped.delete(path))
      }
      const data = await twin
      return c.body(new Uint8Array(data), 200, { ...headers, 'content-encoding': 'gzip' })
    }
    return c.body(new Uint8Array(await readFile(path)), 200, headers)
  } catch {
    return c.text('Not Found', 404)
  }
}

const PDFJS: PackageFiles = {
  packageName: 'pdfjs-dist',
  folders: new Set(['cmaps', 'standard_fonts', 'wasm']),
}
const SELFIE_SEGMENTATION: PackageFiles = {
  packageName: '@mediapipe/selfie_segmentation',
  folders: new Set(['.']),
}

/**
 * Files libraries fetch by URL at run time, served from our own origin so no request leaves
 * for a CDN: what pdf.js asks for while a facilitator imports a PDF deck (character maps,
 * standard fonts, its decoders), and MediaPipe's selfie segmentation (its script, WebAssembly
 * and model) when someone blurs their background. Only those folders, only plain file names.
 */
export function servePackageFiles(app: Hono<AppEnv>): void {
  app.get('/pdfjs/:folder/:file', (c) =>
    sendFile(c, PDFJS, c.req.param('folder'), c.req.param('file')),
  )
  app.get('/mediapipe/selfie_segmentation/:file', (c) =>
    sendFile(c, SELFIE_SEGMENTATION, '.', c.req.param('file')),
  )
}
