import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BackupRejected,
  type BackupHeader,
  decodeHeader,
  HEADER_BYTES,
  openBackupFile,
  sealBackupFile,
} from './backupFormat.ts'

const key = randomBytes(32)
const header: BackupHeader = {
  id: randomBytes(16).toString('hex'),
  createdAt: 1_780_000_000_000,
  chunkBytes: 64,
}

function sealed(plain: Uint8Array, h = header): { dir: string; file: string; bytes: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-backup-format-'))
  writeFileSync(join(dir, 'plain'), plain)
  const file = join(dir, 'sealed')
  sealBackupFile(key, h, join(dir, 'plain'), file)
  return { dir, file, bytes: readFileSync(file) }
}

function opened(file: string, k: Uint8Array = key): Buffer {
  const parts: Uint8Array[] = []
  openBackupFile(k, file, (p) => parts.push(p))
  return Buffer.concat(parts)
}

function rejection(file: string, k: Uint8Array = key): BackupRejected {
  try {
    opened(file, k)
  } catch (error) {
    if (error instanceof BackupRejected) return error
    throw error
  }
  throw new Error('the backup opened')
}

/** Byte ranges of each sealed chunk (with its length prefix) in a backup file. */
function chunkRanges(bytes: Buffer): [number, number][] {
  const ranges: [number, number][] = []
  for (let at = HEADER_BYTES; at < bytes.length;) {
    const end = at + 4 + bytes.readUInt32BE(at)
    ranges.push([at, end])
    at = end
  }
  return ranges
}

function rewrite(file: string, bytes: Uint8Array): string {
  writeFileSync(file, bytes)
  return file
}

describe('backup format', () => {
  it('opens what it sealed: several chunks, an exact multiple, one byte and nothing', () => {
    for (const size of [1000, 64 * 3, 1, 0]) {
      const plain = randomBytes(size)
      const { file } = sealed(plain)
      expect(opened(file).equals(plain)).toBe(true)
      expect(decodeHeader(readFileSync(file))).toEqual(header)
      expect(statSync(file).mode & 0o777).toBe(0o600)
    }
  })

  it('refuses a flipped byte anywhere in the chunks', () => {
    const { file, bytes } = sealed(randomBytes(300))
    for (let at = HEADER_BYTES; at < bytes.length; at += 7) {
      const changed = Buffer.from(bytes)
      changed[at]! ^= 0x01
      const error = rejection(rewrite(file, changed))
      expect(['chunk-rejected', 'truncated']).toContain(error.problem)
    }
  })

  it('refuses a changed header (another id, time or chunk size)', () => {
    const { file, bytes } = sealed(randomBytes(300))
    for (const at of [9, 13, 20, 29, 36]) {
      const changed = Buffer.from(bytes)
      changed[at]! ^= 0x01
      expect(rejection(rewrite(file, changed)).problem).toMatch(/chunk-rejected|not-a-backup/)
    }
    const noMagic = Buffer.from(bytes)
    noMagic[0] = 0
    expect(rejection(rewrite(file, noMagic)).problem).toBe('not-a-backup')
    const version = Buffer.from(bytes)
    version[8] = 9
    expect(rejection(rewrite(file, version)).problem).toBe('unsupported-version')
  })

  it('refuses reordered chunks and a dropped chunk in the middle, naming the chunk', () => {
    const { file, bytes } = sealed(randomBytes(300))
    const ranges = chunkRanges(bytes)
    const [a, b] = [ranges[1]!, ranges[2]!]
    const swapped = Buffer.concat([
      bytes.subarray(0, a[0]),
      bytes.subarray(b[0], b[1]),
      bytes.subarray(a[0], a[1]),
      bytes.subarray(b[1]),
    ])
    expect(rejection(rewrite(file, swapped))).toMatchObject({ problem: 'chunk-rejected', chunk: 1 })
    const dropped = Buffer.concat([bytes.subarray(0, a[0]), bytes.subarray(a[1])])
    expect(rejection(rewrite(file, dropped))).toMatchObject({ problem: 'chunk-rejected', chunk: 1 })
  })

  it('refuses a file cut short: at a chunk boundary, inside a chunk, or the last chunk dropped', () => {
    const { file, bytes } = sealed(randomBytes(300))
    const ranges = chunkRanges(bytes)
    for (const end of [ranges.at(-1)![0], bytes.length - 5, HEADER_BYTES, HEADER_BYTES + 2]) {
      expect(rejection(rewrite(file, bytes.subarray(0, end))).problem).toBe('truncated')
    }
    expect(rejection(rewrite(file, bytes.subarray(0, 10))).problem).toBe('not-a-backup')
  })

  it('refuses a chunk from another backup with the same key', () => {
    const one = sealed(randomBytes(300))
    const other = sealed(randomBytes(300), { ...header, id: randomBytes(16).toString('hex') })
    const [start, end] = chunkRanges(one.bytes)[0]!
    const mixed = Buffer.concat([
      one.bytes.subarray(0, start),
      other.bytes.subarray(start, end),
      one.bytes.subarray(end),
    ])
    expect(rejection(rewrite(one.file, mixed))).toMatchObject({
      problem: 'chunk-rejected',
      chunk: 0,
    })
  })

  it('refuses bytes after the last chunk', () => {
    const { file, bytes } = sealed(randomBytes(100))
    const longer = Buffer.concat([bytes, Buffer.from([0])])
    expect(rejection(rewrite(file, longer)).problem).toBe('trailing-data')
  })

  it('refuses another key at the first chunk', () => {
    const { file } = sealed(randomBytes(300))
    expect(rejection(file, randomBytes(32))).toMatchObject({ problem: 'chunk-rejected', chunk: 0 })
  })
})
