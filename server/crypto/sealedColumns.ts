import type { KeyScope } from './keyRing.ts'
import type { Keys } from './Keys.ts'
import { open, openText, seal, sealText } from './seal.ts'

/**
 * A column of the main database whose values are sealed. Each value's associated data names
 * the table, the column and the row (`chat_messages.text <id>`), so a value copied to another
 * row, or to another column, fails to open (`SealedDataRejected`, naming the record) instead
 * of being believed. The scope says whose key seals it: the group's for what its members and
 * facilitators wrote, the system's for the facilitators' libraries and shared images.
 */
export interface SealedColumn<T> {
  /** `table.column`: how logs and the start-up count name it. */
  readonly name: string
  seal(keys: Keys, scope: KeyScope, rowId: string, value: T): Promise<T>
  open(keys: Keys, scope: KeyScope, rowId: string, stored: T): Promise<T>
  /** `seal` with the scope's key in hand: for the synchronous start-up pass over SQLite. */
  sealWith(key: Uint8Array, rowId: string, value: T): T
  /** `open` with the scope's key in hand: for a caller that already awaited it. */
  openWith(key: Uint8Array, rowId: string, stored: T): T
}

const contextOf = (name: string, rowId: string) => `${name} ${rowId}`

/** The async pair over a key in hand: the key is awaited, the crypto stays synchronous. */
function sealedColumn<T>(
  name: string,
  sealWith: (key: Uint8Array, rowId: string, value: T) => T,
  openWith: (key: Uint8Array, rowId: string, stored: T) => T,
): SealedColumn<T> {
  return {
    name,
    seal: async (keys, scope, rowId, value) => sealWith(await keys.key(scope), rowId, value),
    open: async (keys, scope, rowId, stored) => openWith(await keys.key(scope), rowId, stored),
    sealWith,
    openWith,
  }
}

/** A TEXT column: sealed values are `sealed:` and base64url. */
export function sealedText(table: string, column: string): SealedColumn<string> {
  const name = `${table}.${column}`
  return sealedColumn(
    name,
    (key, rowId, text) => sealText(key, text, contextOf(name, rowId)),
    (key, rowId, stored) => openText(key, stored, contextOf(name, rowId)),
  )
}

/** A BLOB column: sealed values are `seal`'s bytes (version, nonce, ciphertext, tag). */
export function sealedBytes(table: string, column: string): SealedColumn<Uint8Array> {
  const name = `${table}.${column}`
  return sealedColumn(
    name,
    (key, rowId, bytes) => seal(key, bytes, contextOf(name, rowId)),
    (key, rowId, stored) => open(key, stored, contextOf(name, rowId)),
  )
}

/** The id of a row whose key has several columns, as its sealed values name it. */
export const rowIdOf = (...parts: (string | number)[]): string => parts.join('/')

export const groupScope = (groupId: string): KeyScope => `group:${groupId}`

// What a person typed or uploaded, by table. Row ids and scopes are given by the callers
// (and, for rows an older install wrote, by sealStoredRecords.ts) in the same way.
export const chatText = sealedText('chat_messages', 'text')
export const checkinWord = sealedText('checkin_answers', 'word')
export const measureAnswers = sealedText('measure_answers', 'answers')
// Score and band are INTEGER and TEXT columns; SQLite keeps a sealed string in either.
export const measureScore = sealedText('measure_answers', 'score')
export const measureBand = sealedText('measure_answers', 'band')
export const worksheetContent = sealedText('worksheets', 'content')
export const templateTitle = sealedText('worksheet_templates', 'title')
export const templateSummary = sealedText('worksheet_templates', 'summary')
export const templateSource = sealedText('worksheet_templates', 'source')
export const templateContent = sealedText('worksheet_templates', 'content')
export const slideResponse = sealedText('slide_responses', 'value')
export const agreementText = sealedText('agreements', 'text')
export const invitationLabel = sealedText('invitations', 'label')
export const waitingMessage = sealedText('sessions', 'waiting_message')
export const snapshotData = sealedBytes('session_snapshots', 'data')
export const imageData = sealedBytes('images', 'data')
