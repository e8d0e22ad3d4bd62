const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A slide's id: 12 random characters, the same on the server and in the browser. */
export function newSlideId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}
