import type { Schema } from '@tiptap/pm/model'

let schema: Promise<Schema> | null = null
/** Built once, on first use: TipTap and ProseMirror load with it, not at every start. */
const worksheetSchemaOnce = () =>
  (schema ??= import('../../shared/worksheets/worksheetSchema.ts').then((m) => m.worksheetSchema()))

/**
 * Whether untrusted JSON is a valid worksheet document. Everything a facilitator saves as a
 * template passes here before it is stored or seeded into anyone's worksheet.
 */
export async function isValidWorksheet(content: unknown): Promise<boolean> {
  const worksheet = await worksheetSchemaOnce()
  try {
    const node = worksheet.nodeFromJSON(content)
    node.check()
    return node.type.name === 'doc'
  } catch {
    return false
  }
}
