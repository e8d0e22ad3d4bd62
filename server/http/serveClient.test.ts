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

  it('names the page’s own chunks and first API answers in the shell, and keeps the manifest private', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-client-'))
    mkdirSync(join(dir, '.vite'))
    writeFileSync(join(dir, 'index.html'), '<html><head><title>Hearth</title></head></html>')
    const manifest = {
      'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react-2.js'] },
      '_react-2.js': { file: 'assets/react-2.js' },
      'session/SessionPage.tsx': {
        file: 'assets/SessionPage-3.js',
        imports: ['_react-2.js', '_sync-4.js'],
        css: ['assets/room-5.css'],
      },
      '_sync-4.js': { file: 'assets/sync-4.js', imports: ['_react-2.js'] },
    }
    writeFileSync(join(dir, '.vite/manifest.json'), JSON.stringify(manifest))
    server = await startTestServer({ HEARTH_SERVE_CLIENT: 'true', HEARTH_CLIENT_DIR: dir })
    const page = (await get(`${server.url}/session/s1x`)).body.toString()
    const links = [...page.matchAll(/<link [^>]+>/g)].map((m) => m[0])
    expect(links).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/SessionPage-3.js">',
      '<link rel="modulepreload" crossorigin href="/assets/sync-4.js">',
      '<link rel="preload" as="style" href="/assets/room-5.css">',
      '<link rel="preload" as="fetch" crossorigin href="/api/me">',
      '<link rel="preload" as="fetch" crossorigin href="/api/sessions/s1x">',
    ])
    const odd = (await get(`${server.url}/session/%22%3E%3Cscript%3E`)).body.toString()
    expect(odd).not.toContain('<script>')
    expect(odd).not.toContain('/api/sessions/')
    expect((await get(`${server.url}/`)).body.toString()).toContain('href="/api/me"')
    expect((await get(`${server.url}/nowhere`)).body.toString()).not.toContain('<link')
    const secret = await get(`${server.url}/.vite/manifest.json`)
    expect(secret.status).toBe(404)
  })

  it('never serves a source map, even one left on disk', async () => {
    await withClient()
    const map = await get(`${server.url}/assets/app-abc123.js.map`)
    expect(map.status).toBe(404)
    expect(map.body.toString()).not.toContain('secret.ts')
  })
})
