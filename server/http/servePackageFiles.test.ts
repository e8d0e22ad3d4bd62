import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'

const require = createRequire(import.meta.url)
const SEGMENTATION = dirname(require.resolve('@mediapipe/selfie_segmentation/package.json'))

describe('files of packages served from our own origin', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('serves the segmentation WebAssembly gzipped, byte for byte the package’s', async () => {
    const file = 'selfie_segmentation_solution_simd_wasm_bin.wasm'
    const res = await fetch(`${server.url}/mediapipe/selfie_segmentation/${file}`, {
      headers: { 'accept-encoding': 'identity' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/wasm')
    const original = readFileSync(join(SEGMENTATION, file))
    expect(Buffer.from(await res.arrayBuffer()).equals(original)).toBe(true)
    // Node's fetch would undo the compression itself: read the raw bytes with a plain request.
    const { request } = await import('node:http')
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${server.url}/mediapipe/selfie_segmentation/${file}`, {
        headers: { 'accept-encoding': 'gzip, br' },
      })
        .on('response', (r) => {
          const chunks: Buffer[] = []
          r.on('data', (c: Buffer) => chunks.push(c))
          r.on('end', () =>
            resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }),
          )
        })
        .on('error', reject)
        .end()
    })
    expect(raw.encoding).toBe('gzip')
    expect(raw.body.length).toBeLessThan(original.length / 2)
    expect(gunzipSync(raw.body).equals(original)).toBe(true)
  })

  it('refuses anything but plain file names of the listed folders and kinds', async () => {
    for (const path of [
      '/mediapipe/selfie_segmentation/package.json',
      '/mediapipe/selfie_segmentation/..%2F..%2Fpackage.json',
      '/mediapipe/selfie_segmentation/missing.wasm',
      '/mediapipe/other/selfie_segmentation.js',
      '/pdfjs/build/pdf.mjs',
      '/pdfjs/wasm/..%2F..%2F..%2Fpackage.json',
    ]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404)
    }
    expect((await fetch(`${server.url}/pdfjs/cmaps/Adobe-Japan1-UCS2.bcmap`)).status).toBe(200)
  })

  it('lets pages compile WebAssembly but never evaluate strings as JavaScript', async () => {
    const csp = (await fetch(`${server.url}/health`)).headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(csp).not.toContain("'unsafe-eval'")
  })
})
