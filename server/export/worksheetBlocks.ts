import type { JSONContent } from '@tiptap/core'

/** A worksheet reduced to what an export shows: text only, no marks, links or attributes. */
export type ExportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'answer'; label: string; hint: string; paragraphs: string[] }
  | {
      kind: 'rating'
      label: string
      value: number | null
      min: number
      max: number
      minLabel: string
      maxLabel: string
    }

const textOf = (node: JSONContent): string =>
  node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(textOf).join('')

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

/** The blocks of a worksheet's content (see `readWorksheet`), in order. */
export function worksheetBlocks(root: JSONContent): ExportBlock[] {
  const blocks: ExportBlock[] = []
  const visit = (node: JSONContent) => {
    const attrs = node.attrs ?? {}
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', text: textOf(node) })
        return
      case 'paragraph': {
        const text = textOf(node)
        if (text.trim()) blocks.push({ kind: 'paragraph', text })
        return
      }
      case 'bulletList':
      case 'orderedList':
        blocks.push({
          kind: 'list',
          ordered: node.type === 'orderedList',
          items: (node.content ?? []).map(textOf),
        })
        return
      case 'answerField':
        blocks.push({
          kind: 'answer',
          label: String(attrs.label ?? ''),
          hint: String(attrs.hint ?? ''),
          paragraphs: (node.content ?? []).map(textOf).filter((t) => t.trim() !== ''),
        })
        return
      case 'ratingField':
        blocks.push({
          kind: 'rating',
          label: String(attrs.label ?? ''),
          value: typeof attrs.value === 'number' ? attrs.value : null,
          min: numberOr(attrs.min, 0),
          max: numberOr(attrs.max, 10),
          minLabel: String(attrs.minLabel ?? ''),
          maxLabel: String(attrs.maxLabel ?? ''),
        })
        return
      default:
        for (const child of node.content ?? []) visit(child)
    }
  }
  visit(root)
  return blocks
}

/** "From 0 (not at all) to 100 (the strongest I have felt)". */
export function scaleWords(block: Extract<ExportBlock, { kind: 'rating' }>): string {
  const end = (n: number, words: string) => (words ? `${n} (${words})` : String(n))
  return `from ${end(block.min, block.minLabel)} to ${end(block.max, block.maxLabel)}`
}
