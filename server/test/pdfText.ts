import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** Every page's text of a PDF, read back with pdf.js (for tests: does the file open, and say what it should). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise
  const pages: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await pdf.cleanup()
  return pages.join('\n')
}
