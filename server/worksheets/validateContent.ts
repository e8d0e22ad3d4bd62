import type { JSONContent } from '@tiptap/core'
import { Node as PmNode } from '@tiptap/pm/model'
import { worksheetSchema } from '../../shared/worksheets/worksheetSchema.ts'

/**
 * Whether untrusted JSON is a valid worksheet document. Everything a facilitator saves as a
 * template passes here before it is stored or seeded into anyone's worksheet.
 */
export function isValidWorksheet(content: unknown): content is JSONContent {
  try {
    const node = PmNode.fromJSON(worksheetSchema(), content)
    node.check()
    return node.type.name === 'doc'
  } catch {
    return false
  }
}
