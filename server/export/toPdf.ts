import { createRequire } from 'node:module'
import type PDFDocument from 'pdfkit'
import type { ExportHeader } from './toMarkdown.ts'
import { scaleWords, type ExportBlock } from './worksheetBlocks.ts'

const require = createRequire(import.meta.url)
// DejaVu covers Latin, Greek, Cyrillic and more: a member's words print as they wrote them.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
const OBLIQUE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf')

/** PDFKit and its font code load with the first export (some 30 MiB), not at every start. */
let pdfkit: Promise<typeof PDFDocument> | null = null
const loadPdfkit = () => (pdfkit ??= import('pdfkit').then((m) => m.default))

/** A worksheet as an A4 PDF, text only, with the fonts embedded (subset). */
export async function toPdf(
  header: ExportHeader,
  blocks: ExportBlock[],
  createdAt: Date,
): Promise<Buffer> {
  const PdfDocument = await loadPdfkit()
  const pdf = new PdfDocument({
    size: 'A4',
    margin: 56,
    info: { Title: header.title, Producer: 'Hearth', Creator: 'Hearth', CreationDate: createdAt },
  })
  pdf.registerFont('body', FONT)
  pdf.registerFont('bold', BOLD)
  pdf.registerFont('note', OBLIQUE)
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  const text = (font: string, size: number, value: string, gap = 0.4) => {
    pdf.font(font).fontSize(size).fillColor('#1f2a2e').text(value)
    pdf.moveDown(gap)
  }
  text('bold', 18, header.title, 0.2)
  text('note', 10, header.context, 1)
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        text('bold', 13, block.text)
        break
      case 'paragraph':
        text('body', 11, block.text)
        break
      case 'list':
        block.items.forEach((item, i) =>
          text('body', 11, `${block.ordered ? `${i + 1}.` : '•'} ${item}`, 0.1),
        )
        pdf.moveDown(0.3)
        break
      case 'answer':
        text('bold', 11.5, block.label, 0.15)
        if (block.hint) text('note', 9.5, block.hint, 0.2)
        if (block.paragraphs.length === 0) text('note', 11, '(not answered)')
        for (const paragraph of block.paragraphs) text('body', 11, paragraph, 0.3)
        pdf.moveDown(0.4)
        break
      case 'rating':
        text('bold', 11.5, block.label, 0.15)
        text(
          'body',
          11,
          `${block.value === null ? 'Not rated' : `Rating: ${block.value}`}, on a scale ${scaleWords(block)}.`,
          0.7,
        )
        break
    }
  }
  pdf.end()
  return done
}
