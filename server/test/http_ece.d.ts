// The few calls of `http_ece` (Web Push payload encryption, RFC 8188) the reminder test uses
// to read what a browser would: the package ships no types.
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto'
  const ece: {
    decrypt(
      buffer: Buffer,
      params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: Buffer },
    ): Buffer
  }
  export default ece
}
