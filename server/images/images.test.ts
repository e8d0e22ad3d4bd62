import { describe, expect, it } from 'vitest'
import { IMAGE_MAX_BYTES } from './sniffImage.ts'
import { png } from '../test/pngBytes.ts'
import { countRows } from '../test/countRows.ts'
import { member } from '../test/groupWorld.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'

describe('images for slides', () => {
  const world = serverPerTest()

  it('take real raster images only, by their bytes, and serve them only to those who may see the slides', async () => {
    const server = world.server
    const { lead, groupId, sessionId, members } = await openSession(server, ['Ivy'])
    const [ivy] = members as [(typeof members)[0]]
    const deckId = (await lead.post('/api/decks', { title: 'Body map' })).json.id as string
    const upload = async (bytes: Buffer, type = 'image/png', who: HttpClient = lead) => {
      const res = await fetch(`${server.url}/api/decks/${deckId}/images`, {
        method: 'POST',
        headers: { cookie: who.cookie!, 'content-type': type },
        body: new Uint8Array(bytes),
      })
      return { status: res.status, json: (await res.json()) as Record<string, string> }
    }
    const count = () => countRows(server, 'images')

    // Refused, each with a clear reason, and nothing stored.
    const refusals: [Buffer, number, RegExp][] = [
      [Buffer.from('hello, not an image'), 415, /not a PNG, JPEG, GIF or WebP/],
      [
        Buffer.from(
          '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        415,
        /SVG images are not accepted/,
      ],
      // A polyglot: a valid PNG with a web page after its end, or inside a text chunk.
      [
        Buffer.concat([png(), Buffer.from('<html><script>alert(1)</script></html>')]),
        415,
        /after its end/,
      ],
      [
        png({ name: 'tEXt', data: Buffer.from('Comment\0<script>alert(1)</script>') }),
        415,
        /web page code/,
      ],
      [png().subarray(0, 40), 415, /cut short/],
      [Buffer.alloc(IMAGE_MAX_BYTES + 1, 1), 413, /larger than/],
    ]
    for (const [bytes, status, message] of refusals) {
      const res = await upload(bytes)
      expect(res.status, String(message)).toBe(status)
      expect(res.json.error).toMatch(message)
    }
    expect(await count()).toBe(0)
    // Whatever the declared type, the bytes decide.
    const ok = await upload(png(), 'application/octet-stream')
    expect(ok.status).toBe(201)
    expect(ok.json.type).toBe('image/png')
    expect(ok.json.hash).toMatch(/^[0-9a-f]{64}$/)
    // The same image twice is stored once.
    expect((await upload(png())).json.hash).toBe(ok.json.hash)
    expect(await count()).toBe(1)
    // Members do not upload.
    expect((await upload(png(), 'image/png', ivy)).status).toBe(403)

    const fetchImage = async (who: HttpClient) => {
      const res = await fetch(`${server.url}${ok.json.url}`, { headers: { cookie: who.cookie! } })
      return res
    }
    // The editor sees it; Ivy does not, until a deck using it is brought into her session.
    const seen = await fetchImage(lead)
    expect(seen.status).toBe(200)
    expect(seen.headers.get('content-type')).toBe('image/png')
    expect(seen.headers.get('x-content-type-options')).toBe('nosniff')
    expect(seen.headers.get('content-security-policy')).toContain('sandbox')
    expect(Buffer.from(await seen.arrayBuffer()).equals(png())).toBe(true)
    expect((await fetchImage(ivy)).status).toBe(404)
    await lead.post(`/api/sessions/${sessionId}/handouts`, { deckId })
    expect((await fetchImage(ivy)).status).toBe(200)
    // A member of the group who was not in the session does not.
    const late = await member(server, lead, groupId, 'Late')
    expect((await fetchImage(late)).status).toBe(404)
  })
})
