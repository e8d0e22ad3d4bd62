import { createHash } from 'node:crypto'
import { HTTPException } from 'hono/http-exception'
import type { Context } from 'hono'
import type { KeyRing } from '../crypto/keyRing.ts'
import { imageData } from '../crypto/sealedColumns.ts'
import type { Db } from '../db/openDatabase.ts'
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
 * The caller links it, in the same transaction `link` runs in, to what uses it: who may fetch
 * an image follows those links (imageRoutes.ts). The bytes are sealed with the system key, to
 * their hash: one image may be used by decks and sessions of several groups, so no one group's
 * key can own it; erasing its last use deletes the row (`dropUnusedImages`).
 */
export async function storeImage(
  c: Context,
  { db, keys }: { db: Db; keys: KeyRing },
  now: number,
  link: (hash: string) => void,
): Promise<StoredImage> {
  const bytes = await readLimitedBytes(c, IMAGE_MAX_BYTES)
  if (bytes.length === 0) throw new HTTPException(400, { message: 'The file is empty.' })
  const sniffed = sniffImage(bytes)
  if ('problem' in sniffed) throw new HTTPException(415, { message: sniffed.problem })
  const hash = createHash('sha256').update(bytes).digest('hex')
  db.transaction(() => {
    db.sql
      .prepare(
        `INSERT OR IGNORE INTO images (hash, type, size, data, created_at, sealed)
         VALUES (?, ?, ?, ?, ?, 1)`,
      )
      .run(hash, sniffed.type, bytes.length, imageData.seal(keys, 'system', hash, bytes), now)
    link(hash)
  })
  return { hash, type: sniffed.type, url: `/api/images/${hash}` }
}

/** An image's bytes, opened; throws `SealedDataRejected` (naming the image) if they do not. */
export function imageBytes(db: Db, keys: KeyRing, hash: string) {
  const image = db.sql.prepare('SELECT type, data FROM images WHERE hash = ?').get(hash) as
    { type: string; data: Uint8Array } | undefined
  if (!image) return null
  return { type: image.type, data: imageData.open(keys, 'system', hash, image.data) }
}

/** Deletes the images nothing uses any more (after an erasure took away their last use). */
export function dropUnusedImages(db: Db): number {
  return Number(
    db.sql
      .prepare(
        `DELETE FROM images WHERE hash NOT IN (SELECT hash FROM deck_images)
           AND hash NOT IN (SELECT hash FROM handout_images)
           AND hash NOT IN (SELECT hash FROM canvas_images)`,
      )
      .run().changes,
  )
}
