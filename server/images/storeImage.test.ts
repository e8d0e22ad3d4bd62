import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KeyRing } from '../crypto/keyRing.ts'
import { parseMasterKey } from '../crypto/masterKey.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aDeck, aFacilitator, aGroup, aSession } from '../data/test/graphRows.ts'
import { png } from '../test/pngBytes.ts'
import { warmInstances } from '../video/test/warmInstances.ts'
import { dropUnusedImages, imageBytes, storeImage } from './storeImage.ts'

const AT = 1_700_000_000_000
const keys = new KeyRing(
  join(mkdtempSync(join(tmpdir(), 'hearth-keys-')), 'keys.sqlite'),
  parseMasterKey(randomBytes(32).toString('base64'), 'test'),
  () => AT,
)

/** An upload through `storeImage`, as a route takes it, linked by `link`. */
async function upload(
  data: Data,
  bytes: Buffer,
  link: (trx: Data, hash: string) => Promise<unknown> = async () => {},
) {
  const app = new Hono()
    .post('/', async (c) => c.json(await storeImage(c, { data: async () => data, keys }, AT, link)))
    .onError((error, c) => c.text(error.message, 500))
  const response = await app.request('/', { method: 'POST', body: new Uint8Array(bytes) })
  if (response.status !== 200) throw new Error(await response.text())
  return (await response.json()) as { hash: string }
}

/** A picture of its own: `png` with a chunk that makes its bytes (and hash) unique. */
const picture = () => png({ name: 'tEXt', data: randomBytes(8) })

describe.each(DIALECTS)('stored images on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  const count = async () =>
    Number(
      (
        await opened.data
          .selectFrom('images')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('keeps one sealed copy per picture, uploaded again or by instances at once', async () => {
    const bytes = picture()
    const instances = await warmInstances(opened, 4)
    const stored = await Promise.all(instances.map((data) => upload(data, bytes)))
    expect(new Set(stored.map((s) => s.hash)).size).toBe(1)
    expect(await count()).toBe(1)
    const row = await opened.data.selectFrom('images').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ type: 'image/png', size: bytes.length, sealed: 1 })
    expect(Buffer.from(row.data).includes(bytes.subarray(8, 24))).toBe(false)
    const back = await imageBytes(opened.data, keys, stored[0]!.hash)
    expect(back?.type).toBe('image/png')
    expect(Buffer.from(back!.data).equals(bytes)).toBe(true)
    expect(await imageBytes(opened.data, keys, 'f'.repeat(64))).toBeNull()
  })

  it('a link that fails leaves no image behind', async () => {
    await expect(
      upload(opened.data, picture(), async () => {
        throw new Error('no such deck')
      }),
    ).rejects.toThrow('no such deck')
    expect(await count()).toBe(0)
  })

  it('drops only the pictures nothing uses any more', async () => {
    const { data } = opened
    const { groupId, leadId } = await aGroup(data)
    const sessionId = await aSession(data, groupId)
    await data
      .insertInto('decks')
      .values({ id: 'deck1', owner_id: leadId, title: 'Deck', created_at: AT })
      .execute()
    await data
      .insertInto('handouts')
      .values({
        id: 'handout1',
        session_id: sessionId,
        deck_id: 'deck1',
        title: 'Deck',
        created_by: leadId,
        created_at: AT,
      })
      .execute()
    await data
      .insertInto('canvas_keys')
      .values({
        key: 'canvas1',
        session_id: sessionId,
        owner_id: leadId,
        kind: 'layer',
        created_at: AT,
      })
      .execute()
    const links: ((trx: Data, hash: string) => Promise<unknown>)[] = [
      (trx, hash) => trx.insertInto('deck_images').values({ deck_id: 'deck1', hash }).execute(),
      (trx, hash) =>
        trx.insertInto('handout_images').values({ handout_id: 'handout1', hash }).execute(),
      (trx, hash) =>
        trx.insertInto('canvas_images').values({ key: 'canvas1', hash, created_at: AT }).execute(),
      async () => {},
      async () => {},
    ]
    const stored = []
    for (const link of links) stored.push((await upload(data, picture(), link)).hash)
    expect(await dropUnusedImages(data)).toBe(2)
    const left = await data.selectFrom('images').select('hash').execute()
    expect(left.map((r) => r.hash).sort()).toEqual(stored.slice(0, 3).sort())
    expect(await dropUnusedImages(data)).toBe(0)
  })
})

describe('stored images across instances (PostgreSQL)', () => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await DIALECTS.find((d) => d.name === 'PostgreSQL')!.open()
  })
  afterEach(() => opened.close())

  it('a picture linked again while another instance drops unused ones keeps its row', async () => {
    const bytes = picture()
    // Stored once and then left unused (its last use erased).
    const { hash } = await upload(opened.data, bytes)
    const owner = await aFacilitator(opened.data)
    const deckId = await aDeck(opened.data, owner)
    let reached!: () => void
    const linking = new Promise<void>((resolve) => (reached = resolve))
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    // One instance takes the same picture again and is about to link it to a deck...
    const again = upload(opened.data, bytes, async (trx, h) => {
      reached()
      await released
      await trx.insertInto('deck_images').values({ deck_id: deckId, hash: h }).execute()
    })
    await linking
    // ...while another drops what nothing uses: it waits for the link, then keeps the row.
    const dropping = dropUnusedImages(opened.another())
    await new Promise((resolve) => setTimeout(resolve, 200))
    release()
    expect((await again).hash).toBe(hash)
    expect(await dropping).toBe(0)
    expect(await imageBytes(opened.data, keys, hash)).not.toBeNull()
  })
})
