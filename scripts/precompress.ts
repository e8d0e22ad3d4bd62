import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(m?js|css|html|svg|json|txt)$/

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) twin of every text file of
 * the build, once, at build time: the server picks one by `Accept-Encoding` and never
 * compresses on the fly (see server/http/serveClient.ts).
 */
export function precompress(): Plugin {
  return {
    name: 'hearth-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/client'
      for (const file of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(file)) continue
        const path = join(dir, file)
        const data = readFileSync(path)
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        )
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }))
      }
    },
  }
}
