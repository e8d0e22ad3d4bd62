import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { countRows } from '../test/countRows.ts'
import { foundAtRest } from '../test/foundAtRest.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { png } from '../test/pngBytes.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'
import type { TestServer } from '../test/startTestServer.ts'
import { CANVAS_IMAGES_MAX, canvasImageCount } from './canvasImages.ts'

/** A picture whose bytes carry a word to search the database for. */
const picture = (word: string) => png({ name: 'tEXt', data: Buffer.from(`Comment\0${word}`) })
/** A picture of a few megabytes: its body is still arriving after the handler's first checks. */
const bigPicture = (word: string) =>
  png({ name: 'tEXt', data: Buffer.from(`Comment\0${word}${' '.repeat(3 * 1024 * 1024)}`) })

async function upload(server: TestServer, who: HttpClient, path: string, bytes: Buffer) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { cookie: who.cookie!, 'content-type': 'image/png' },
    body: new Uint8Array(bytes),
  })
  return { status: res.status, json: (await res.json()) as { url?: string; message?: string } }
}

describe('pictures on the whiteboard', () => {
  const world = serverPerTest()

  it('go to the server, never into the document; only those who may see the canvas fetch one; erasure takes them away', async () => {
    const { server } = world
    const { lead, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = [members[0]!, members[1]!]
    const to = (where: string) => `/api/sessions/${sessionId}/canvas/images?to=${where}`
    const fetchAs = async (who: HttpClient, url: string) =>
      (await fetch(`${server.url}${url}`, { headers: { cookie: who.cookie! } })).status

    // On Robin's layer of the group canvas: the room sees it.
    const shared = await upload(server, robin, to('group'), picture('ROBIN-GROUP-PICTURE-QX'))
    expect(shared.status).toBe(201)
    expect(shared.json.url).toMatch(/^\/api\/images\/[0-9a-f]{64}$/)
    for (const who of [robin, sky, lead]) expect(await fetchAs(who, shared.json.url!)).toBe(200)

    // On Robin's own canvas: Robin alone, not even the facilitator.
    const own = await upload(server, robin, to('mine'), picture('ROBIN-OWN-PICTURE-QX'))
    expect(own.status).toBe(201)
    expect(await fetchAs(robin, own.json.url!)).toBe(200)
    for (const who of [sky, lead]) expect(await fetchAs(who, own.json.url!)).toBe(404)

    // Not a picture, nowhere to put it, or a locked canvas: refused, nothing stored.
    const bad = await upload(server, sky, to('group'), Buffer.from('<svg onload="alert(1)"/>'))
    expect(bad.status).toBe(415)
    expect((await upload(server, sky, to('wall'), picture('X'))).status).toBe(400)
    expect((await upload(server, lead, to('mine'), picture('LEAD-OWN'))).status).toBe(403)
    expect(
      (await lead.put(`/api/sessions/${sessionId}/canvas/lock`, { locked: true })).status,
    ).toBe(200)
    const locked = await upload(server, sky, to('group'), picture('SKY-WHILE-LOCKED-QX'))
    expect(locked.status).toBe(403)
    expect(await foundAtRest(server, ['SKY-WHILE-LOCKED-QX', 'LEAD-OWN'])).toEqual([])

    // Robin's erasure takes both pictures off the server (stored sealed: their words were never
    // in the file in clear, C19).
    const images = () => countRows(server, 'images')
    const words = ['ROBIN-GROUP-PICTURE-QX', 'ROBIN-OWN-PICTURE-QX']
    expect(await images()).toBe(2)
    expect(await foundAtRest(server, words)).toEqual([])
    expect((await robin.post('/api/member/erase', { confirm: 'erase' })).status).toBe(200)
    expect(await images()).toBe(0)
    expect(await foundAtRest(server, words)).toEqual([])
    expect(await fetchAs(sky, shared.json.url!)).toBe(404)
  })

  it('one person adds a few at once, then is asked to wait', async () => {
    const { server } = world
    const { sessionId, members } = await openSession(server, ['Robin'])
    const robin = members[0]!
    const statuses: number[] = []
    for (let n = 0; n < 8; n++) {
      const sent = await upload(
        server,
        robin,
        `/api/sessions/${sessionId}/canvas/images?to=group`,
        picture(`P${n}`),
      )
      statuses.push(sent.status)
    }
    expect(statuses.slice(0, 6)).toEqual(Array(6).fill(201))
    expect(statuses.slice(6)).toEqual([429, 429])
  })

  it('at the cap, pictures sent at once take only the places left', async () => {
    const { server } = world
    const { sessionId, members } = await openSession(server, ['Robin'])
    const robin = members[0]!
    const to = `/api/sessions/${sessionId}/canvas/images?to=group`
    expect((await upload(server, robin, to, picture('FIRST'))).status).toBe(201)
    const data = await server.services.data()
    const { key } = await data.selectFrom('canvas_images').select('key').executeTakeFirstOrThrow()
    // All but two places taken already.
    for (let n = 0; n < CANVAS_IMAGES_MAX - 3; n++) {
      const hash = randomBytes(32).toString('hex')
      await data
        .insertInto('images')
        .values({
          hash,
          type: 'image/png',
          size: 1,
          data: new Uint8Array(1),
          created_at: 1,
          sealed: 1,
        })
        .execute()
      await data.insertInto('canvas_images').values({ key, hash, created_at: 1 }).execute()
    }
    const sent = await Promise.all(
      [0, 1, 2, 3, 4].map((n) => upload(server, robin, to, bigPicture(`AT-ONCE-${n}`))),
    )
    expect(sent.map((s) => s.status).sort()).toEqual([201, 201, 409, 409, 409])
    expect(await canvasImageCount(data, key)).toBe(CANVAS_IMAGES_MAX)
  })
})
