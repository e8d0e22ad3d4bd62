import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'

/** A GET with exactly these headers (fetch would add and undo its own Accept-Encoding). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
        .on('error', reject)
        .end()
    },
  )
}

describe('serving the built client', () => {
  let server: TestServer
  afterEach(async () => {
    await server.close()
  })

  async function withClient() {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-client-'))
    mkdirSync(join(dir, 'assets'))
    const js = Buffer.from(`console.log(${JSON.stringify('x'.repeat(2000))})`)
    const html = Buffer.from('<!doctype html><title>Hearth</title><div id="root"></div>')
    for (const [file, data] of [
      ['assets/app-abc123.js', js],
      ['index.html', html],
    ] as const) {
      writeFileSync(join(dir, file), data)
      writeFileSync(join(dir, `${file}.br`), brotliCompressSync(data))
      writeFileSync(join(dir, `${file}.gz`), gzipSync(data))
    }
    writeFileSync(join(dir, 'assets/app-abc123.js.map'), '{"sources":["secret.ts"]}')
    server = await startTestServer({ HEARTH_SERVE_CLIENT: 'true', HEARTH_CLIENT_DIR: dir })
    return { js, html }
  }

  it('sends the precompressed twin the browser accepts, with immutable caching for assets', async () => {
    const { js } = await withClient()
    const url = `${server.url}/assets/app-abc123.js`
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body.length).toBeLessThan(js.length / 4)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i)
    const gz = await get(url, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    const plain = await get(url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.equals(js)).toBe(true)
  })

  it('answers client routes with the app shell, revalidated each time', async () => {
    const { html } = await withClient()
    const page = await get(`${server.url}/session/abc`)
    expect(page.status).toBe(200)
    expect(page.body.equals(html)).toBe(true)
    expect(page.headers['cache-control']).toBe('no-cache')
  })

  it('never serves a source map, even one left on disk', async () => {
    await withClient()
    const map = await get(`${server.url}/assets/app-abc123.js.map`)
    expect(map.status).toBe(404)
    expect(map.body.toString()).not.toContain('secret.ts')
  })
})
