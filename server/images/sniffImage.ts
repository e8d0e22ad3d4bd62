/** The image types Hearth takes: raster only (an SVG is a document that can carry script). */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'

/** The most one image may weigh. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b)

/** Where a well-formed file of this type ends, or -1 when it does not end as it must. */
function endOf(type: ImageType, bytes: Buffer): number {
  switch (type) {
    case 'image/png': {
      // Walk the chunks to IEND: nothing may follow it.
      let at = 8
      while (at + 12 <= bytes.length) {
        const length = bytes.readUInt32BE(at)
        const name = bytes.toString('latin1', at + 4, at + 8)
        at += 12 + length
        if (name === 'IEND') return at
      }
      return -1
    }
    case 'image/jpeg':
      return bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9
        ? bytes.length
        : -1
    case 'image/gif':
      return bytes[bytes.length - 1] === 0x3b ? bytes.length : -1
    case 'image/webp':
      // RIFF's own length says where the file ends.
      return bytes.readUInt32LE(4) + 8
  }
}

/** Markup a browser could run if it ever treated the file as a page. */
const MARKUP = /<(script|html|body|svg|iframe|object|embed|!doctype|\?xml|\?php)\b/i

/**
 * What an uploaded file really is, from its bytes (never its name or declared type), or why
 * it is refused: not one of the raster types, SVG, cut short, or carrying anything after its
 * end or markup inside (a polyglot, readable as an image and as something else).
 */
export function sniffImage(bytes: Buffer): { type: ImageType } | { problem: string } {
  let type: ImageType | null = null
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) type = 'image/png'
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) type = 'image/jpeg'
  else if (
    bytes.toString('latin1', 0, 6) === 'GIF87a' ||
    bytes.toString('latin1', 0, 6) === 'GIF89a'
  )
    type = 'image/gif'
  else if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    type = 'image/webp'
  if (!type) {
    const head = bytes.toString('utf8', 0, 512).trimStart().toLowerCase()
    return {
      problem:
        head.startsWith('<') && head.includes('<svg')
          ? 'SVG images are not accepted: export the image as PNG or JPEG.'
          : 'This is not a PNG, JPEG, GIF or WebP image.',
    }
  }
  if (bytes.length < 16) return { problem: 'This image is cut short.' }
  const end = endOf(type, bytes)
  if (end < 0 || end > bytes.length) return { problem: 'This image is cut short or damaged.' }
  if (end < bytes.length) {
    return { problem: 'This image carries other data after its end: it cannot be accepted.' }
  }
  if (MARKUP.test(bytes.toString('latin1'))) {
    return { problem: 'This image carries web page code inside it: it cannot be accepted.' }
  }
  return { type }
}
