import { createHash } from 'node:crypto'
import { HTTPException } from 'hono/http-exception'
import type { Context } from 'hono'
import type { Keys } from '../crypto/Keys.ts'
import { imageData } from '../crypto/sealedColumns.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { readLimitedBytes } from '../http/parseBody.ts'
import { IMAGE_MAX_BYTES, sniffImage, type ImageType } from './sniffImage.ts'

export interface StoredImage {
  hash: string
  type: ImageType
  /** Where it is fetched from: `/api/images/<hash>` (who may is decided per request). */
  url: string
}

/**
 * Reads an uploaded image from the request body, takes it only if its bytes are a whole raster
 * image (a clear 400 or 415 otherwise, nothing stored), and stores it once by its SHA-256.
 * The caller links it, in the transaction `link` is given, to what uses it: who may fetch an
 * image follows those links (imageRoutes.ts). The bytes are sealed with the system key, to
 * their hash: one image may be used by decks and sessions of several groups, so no one group's
 * key can own it; erasing its last use deletes the row (`dropUnusedImages`).
 */
export async function storeImage(
  c: Context,
  { data, keys }: Pick<Services, 'data' | 'keys'>,
  now: number,
  link: (trx: Data, hash: string) => Promise<unknown>,
): Promise<StoredImage> {
  const bytes = await readLimitedBytes(c, IMAGE_MAX_BYTES)
  if (bytes.length === 0) throw new HTTPException(400, { message: 'The file is empty.' })
  const sniffed = sniffImage(bytes)
  if ('problem' in sniffed) throw new HTTPException(415, { message: sniffed.problem })
  const hash = createHash('sha256').update(bytes).digest('hex')
  const sealed = await imageData.seal(keys, 'system', hash, bytes)
  await atomically(await data(), async (trx) => {
    // Taken by `dropUnusedImages` too: an unused image it is about to delete is not linked
    // here meanwhile (on another instance), which would leave a link to nothing.
    if (onPostgres(trx)) await advisoryLock(trx, IMAGES_LOCK)
    // The same picture uploaded again (or by another instance at once) is stored once.
    await trx
      .insertInto('images')
      .values({
        hash,
        type: sniffed.type,
        size: bytes.length,
        data: sealed,
        created_at: now,
        sealed: 1,
      })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute()
    await link(trx, hash)
  })
  return { hash, type: sniffed.type, url: `/api/images/${hash}` }
}

/** An image's bytes, opened; throws `SealedDataRejected` (naming the image) if they do not. */
export async function imageBytes(data: Data, keys: Keys, hash: string) {
  const image = await data
    .selectFrom('images')
    .select(['type', 'data'])
    .where('hash', '=', hash)
    .executeTakeFirst()
  if (!image) return null
  // A Buffer on PostgreSQL, a Uint8Array on SQLite: both are read as a Uint8Array.
  return { type: image.type, data: await imageData.open(keys, 'system', hash, image.data) }
}

const IMAGES_LOCK = 'images: stored and dropped'

/** Deletes the images nothing uses any more (after an erasure took away their last use). */
export async function dropUnusedImages(data: Data): Promise<number> {
  return atomically(data, async (trx) => {
    if (onPostgres(trx)) await advisoryLock(trx, IMAGES_LOCK)
    return dropUnused(trx)
  })
}

async function dropUnused(data: Data): Promise<number> {
  const result = await data
    .deleteFrom('images')
    .where((eb) =>
      eb.and([
        eb('hash', 'not in', eb.selectFrom('deck_images').select('hash')),
        eb('hash', 'not in', eb.selectFrom('handout_images').select('hash')),
        eb('hash', 'not in', eb.selectFrom('canvas_images').select('hash')),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
