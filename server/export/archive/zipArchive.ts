import type * as Fflate from 'fflate'
import { fileName } from '../fileName.ts'

/** fflate loads with the first archive, not at every start. */
let fflate: Promise<typeof Fflate> | null = null
const loadFflate = () => (fflate ??= import('fflate'))

/** One file of an archive, under a folder per session. */
export interface ArchiveFile {
  folder: string
  /** The name without its extension; the archive keeps names unique. */
  name: string
  extension: string
  data: Uint8Array | string
  /** What the index says it is: "Thought record (my copy), as a PDF". */
  label: string
}

export interface ArchiveSection {
  heading: string
  note: string
  files: ArchiveFile[]
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/**
 * A zip of every section's files with a readable `index.html` at its top, which names each
 * file in words and links to it. Paths are built from ASCII slugs only: no title can climb
 * out of the archive's folder or collide with another file.
 */
export async function zipArchive(
  title: string,
  intro: string,
  sections: ArchiveSection[],
  createdAt: Date,
): Promise<Uint8Array> {
  const files: Fflate.Zippable = {}
  const used = new Set<string>()
  const unique = (path: string, extension: string) => {
    let candidate = `${path}.${extension}`
    for (let n = 2; used.has(candidate); n++) candidate = `${path}-${n}.${extension}`
    used.add(candidate)
    return candidate
  }
  const index: string[] = []
  for (const section of sections) {
    index.push(`<h2>${escapeHtml(section.heading)}</h2>`, `<p>${escapeHtml(section.note)}</p>`)
    if (section.files.length === 0) {
      index.push('<p><em>Nothing here.</em></p>')
      continue
    }
    index.push('<ul>')
    for (const file of section.files) {
      const path = unique(
        `${fileName(file.folder, 'session')}/${fileName(file.name)}`,
        file.extension,
      )
      files[path] = [
        typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data,
        { mtime: createdAt },
      ]
      index.push(`<li><a href="${escapeHtml(path)}">${escapeHtml(file.label)}</a></li>`)
    }
    index.push('</ul>')
  }
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2b27}a{color:#1f5a4a}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...index,
    '</body></html>',
  ].join('\n')
  files['index.html'] = [new TextEncoder().encode(html), { mtime: createdAt }]
  const { zipSync } = await loadFflate()
  return zipSync(files, { level: 6 })
}
