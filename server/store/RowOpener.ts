import type { DocName } from '../../shared/documents/docName.ts'
import type { DocCipher } from './docCipher.ts'

/**
 * Opens one document's rows, counting those that do not open (changed on disk, moved, or
 * their key erased) instead of throwing: the caller serves what is sound and reports the rest.
 */
export class RowOpener {
  rejected = 0
  reason: string | null = null
  #key: Uint8Array | null | undefined
  readonly #cipher: DocCipher | null
  readonly #doc: DocName

  constructor(cipher: DocCipher | null, doc: DocName) {
    this.#cipher = cipher
    this.#doc = doc
  }

  open(
    data: Uint8Array,
    sealed: number,
    opener: (key: Uint8Array, doc: string, place: number, data: Uint8Array) => Uint8Array,
    place: number,
  ): Uint8Array | null {
    if (!sealed) return data
    try {
      const key = this.#keyOf()
      if (!key) throw new Error('no key ring was given to open sealed rows')
      return opener(key, this.#doc, place, data)
    } catch (error) {
      this.rejected++
      this.reason ??= error instanceof Error ? error.message : String(error)
      return null
    }
  }

  #keyOf(): Uint8Array | null {
    if (this.#key === undefined) this.#key = this.#cipher?.keyOf(this.#doc) ?? null
    return this.#key
  }
}
