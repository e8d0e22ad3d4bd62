import { scaleWords, type ExportBlock } from './worksheetBlocks.ts'

/** Escapes what Markdown would read as formatting, so a member's words stay their words. */
const plain = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)

export interface ExportHeader {
  title: string
  /** "Week 2: Noticing thoughts, Friday 4 December 2026". */
  context: string
}

/** A worksheet as Markdown: readable as plain text, and by any Markdown tool. */
export function toMarkdown(header: ExportHeader, blocks: ExportBlock[]): string {
  const out = [`# ${plain(header.title)}`, '', `_${plain(header.context)}_`, '']
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`## ${plain(block.text)}`, '')
        break
      case 'paragraph':
        out.push(plain(block.text), '')
        break
      case 'list':
        block.items.forEach((item, i) =>
          out.push(`${block.ordered ? `${i + 1}.` : '-'} ${plain(item)}`),
        )
        out.push('')
        break
      case 'answer':
        out.push(`### ${plain(block.label)}`, '')
        if (block.hint) out.push(`> ${plain(block.hint)}`, '')
        out.push(
          ...(block.paragraphs.length
            ? block.paragraphs.map((p) => `${plain(p)}\n`)
            : ['(not answered)', '']),
        )
        break
      case 'rating':
        out.push(
          `### ${plain(block.label)}`,
          '',
          `${block.value === null ? 'Not rated' : `Rating: ${block.value}`}, on a scale ${plain(scaleWords(block))}.`,
          '',
        )
        break
    }
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}
