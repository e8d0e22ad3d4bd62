import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs'
import { open, seal, SealedDataRejected } from '../crypto/seal.ts'

/**
 * A backup file: a header in clear, then the database in sealed chunks.
 *
 *   header: magic "HEARTHBK" (8) | version (1) | chunk size (u32) | backup id (16) | created (u64 ms)
 *   chunk:  sealed length (u32) | sealed chunk (`seal.ts`: version, nonce, ciphertext, tag)
 *
 * Each chunk's associated data names the header's fields, the chunk's index and whether it is
 * the last one, so a changed header, a chunk moved within or between backups, a dropped chunk
 * and a file cut short all fail to open. The last chunk may be empty (an empty input).
 */
const MAGIC = Buffer.from('HEARTHBK', 'latin1')
const VERSION = 1
export const HEADER_BYTES = MAGIC.length + 1 + 4 + 16 + 8
/** What `seal` adds to a chunk: its version byte, a 12-byte nonce and a 16-byte tag. */
const SEAL_OVERHEAD = 1 + 12 + 16
export const DEFAULT_CHUNK_BYTES = 1024 * 1024

export interface BackupHeader {
  /** 32 hex digits, random per backup. */
  id: string
  createdAt: number
  chunkBytes: number
}

export type BackupProblem =
  'not-a-backup' | 'unsupported-version' | 'truncated' | 'chunk-rejected' | 'trailing-data'

/** A backup file that is not what it should be; `chunk` says where, when it is one chunk. */
export class BackupRejected extends Error {
  override name = 'BackupRejected'
  readonly problem: BackupProblem
  readonly chunk: number | null
  constructor(problem: BackupProblem, detail: string, chunk: number | null = null) {
    super(`backup rejected (${problem}): ${detail}`)
    this.problem = problem
    this.chunk = chunk
  }
}

const chunkContext = (header: BackupHeader, index: number, last: boolean) =>
  `hearth backup v${VERSION} ${header.id} ${header.createdAt} ${header.chunkBytes} ` +
  `chunk ${index} ${last ? 'last' : 'more'}`

export function encodeHeader(header: BackupHeader): Buffer {
  const out = Buffer.alloc(HEADER_BYTES)
  MAGIC.copy(out, 0)
  out.writeUInt8(VERSION, 8)
  out.writeUInt32BE(header.chunkBytes, 9)
  Buffer.from(header.id, 'hex').copy(out, 13)
  out.writeBigUInt64BE(BigInt(header.createdAt), 29)
  return out
}

/** Reads a header; says nothing about the chunks (only opening them proves the file). */
export function decodeHeader(bytes: Uint8Array): BackupHeader {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length < HEADER_BYTES || !buf.subarray(0, 8).equals(MAGIC)) {
    throw new BackupRejected('not-a-backup', 'no Hearth backup header')
  }
  if (buf.readUInt8(8) !== VERSION) {
    throw new BackupRejected('unsupported-version', `format version ${buf.readUInt8(8)}`)
  }
  const chunkBytes = buf.readUInt32BE(9)
  if (chunkBytes === 0) throw new BackupRejected('not-a-backup', 'chunk size 0')
  return {
    chunkBytes,
    id: buf.subarray(13, 29).toString('hex'),
    createdAt: Number(buf.readBigUInt64BE(29)),
  }
}

/** Reads exactly `length` bytes at `position` unless the file ends first. */
function readAt(fd: number, length: number, position: number): Buffer {
  const out = Buffer.alloc(length)
  let done = 0
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done)
    if (n === 0) break
    done += n
  }
  return out.subarray(0, done)
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done)
}

/**
 * Seals the file at `plainPath` into a new file at `outPath` (created 0600, fsynced). Runs
 * synchronously: call it from a worker thread or a command, never from the server's loop.
 * Returns the bytes written.
 */
export function sealBackupFile(
  key: Uint8Array,
  header: BackupHeader,
  plainPath: string,
  outPath: string,
): number {
  const input = openSync(plainPath, 'r')
  const output = openSync(outPath, 'wx', 0o600)
  try {
    const head = encodeHeader(header)
    writeAll(output, head)
    let written = head.length
    let position = 0
    let chunk = readAt(input, header.chunkBytes, position)
    for (let index = 0; ; index++) {
      position += chunk.length
      // Read one ahead: a chunk is the last when nothing follows it.
      const next =
        chunk.length === header.chunkBytes ? readAt(input, header.chunkBytes, position) : null
      const last = next === null || next.length === 0
      const sealed = seal(key, chunk, chunkContext(header, index, last))
      const length = Buffer.alloc(4)
      length.writeUInt32BE(sealed.length)
      writeAll(output, length)
      writeAll(output, sealed)
      written += 4 + sealed.length
      if (last) break
      chunk = next
    }
    fsyncSync(output)
    return written
  } finally {
    closeSync(input)
    closeSync(output)
  }
}

/**
 * Opens a backup file chunk by chunk, handing each verified plaintext chunk to `onChunk`.
 * Throws `BackupRejected` at the first chunk that does not open, when the last chunk is
 * missing, or when bytes follow it. A caller that must keep nothing unverified writes the
 * chunks to a temporary file and keeps it only once this returns.
 */
export function openBackupFile(
  key: Uint8Array,
  path: string,
  onChunk: (plain: Uint8Array) => void,
): BackupHeader {
  const fd = openSync(path, 'r')
  try {
    const header = decodeHeader(readAt(fd, HEADER_BYTES, 0))
    let position = HEADER_BYTES
    for (let index = 0; ; index++) {
      const lengthBytes = readAt(fd, 4, position)
      if (lengthBytes.length < 4) {
        throw new BackupRejected('truncated', `the file ends before its last chunk`, index)
      }
      const length = lengthBytes.readUInt32BE(0)
      if (length < SEAL_OVERHEAD || length > header.chunkBytes + SEAL_OVERHEAD) {
        throw new BackupRejected('chunk-rejected', `chunk ${index} has an impossible length`, index)
      }
      const sealed = readAt(fd, length, position + 4)
      if (sealed.length < length) {
        throw new BackupRejected('truncated', `the file ends inside chunk ${index}`, index)
      }
      position += 4 + length
      const { plain, last } = openChunk(key, header, index, sealed)
      onChunk(plain)
      if (last) break
    }
    if (readAt(fd, 1, position).length > 0) {
      throw new BackupRejected('trailing-data', 'bytes follow the last chunk')
    }
    return header
  } finally {
    closeSync(fd)
  }
}

/** A chunk opens as the middle or as the last one at its index, or not at all. */
function openChunk(
  key: Uint8Array,
  header: BackupHeader,
  index: number,
  sealed: Uint8Array,
): { plain: Uint8Array; last: boolean } {
  for (const last of [false, true]) {
    try {
      return { plain: open(key, sealed, chunkContext(header, index, last)), last }
    } catch (error) {
      if (!(error instanceof SealedDataRejected)) throw error
    }
  }
  throw new BackupRejected(
    'chunk-rejected',
    `chunk ${index} does not open: the file was changed or reordered, or another key sealed it`,
    index,
  )
}
