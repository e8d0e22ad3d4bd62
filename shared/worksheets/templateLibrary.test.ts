import { Node as PmNode } from '@tiptap/pm/model'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_TEMPLATES } from './templateLibrary.ts'
import { worksheetSchema } from './worksheetSchema.ts'

const fields = (node: JSONContent): JSONContent[] => [
  ...(node.attrs?.fieldId ? [node] : []),
  ...(node.content ?? []).flatMap(fields),
]

describe('the template library', () => {
  const schema = worksheetSchema()

  it('ships at least six exercises with distinct, name-safe ids', () => {
    const ids = BUILT_IN_TEMPLATES.map((t) => t.id)
    expect(ids.length).toBeGreaterThanOrEqual(6)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/)
  })

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s is valid in the worksheet schema',
    (_id, template) => {
      const node = PmNode.fromJSON(schema, template.content)
      expect(() => node.check()).not.toThrow()
      expect(template.title.length).toBeGreaterThan(3)
      expect(template.summary.length).toBeGreaterThan(40)
      // Every exercise says where it comes from, with a year.
      expect(template.source).toMatch(/\(\d{4}\)/)
    },
  )

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s has labelled fields with unique ids',
    (_id, template) => {
      const all = fields(template.content)
      expect(all.length).toBeGreaterThanOrEqual(3)
      const ids = all.map((f) => f.attrs!.fieldId as string)
      expect(new Set(ids).size).toBe(ids.length)
      for (const f of all) expect((f.attrs!.label as string).length).toBeGreaterThan(2)
      for (const r of all.filter((f) => f.type === 'ratingField')) {
        expect(r.attrs!.max).toBeGreaterThan(r.attrs!.min)
        expect(r.attrs!.value).toBeNull()
      }
    },
  )

  it('the safety plan starts with where to get urgent help', () => {
    const plan = BUILT_IN_TEMPLATES.find((t) => t.id === 'coping-safety-plan')!
    expect(JSON.stringify(plan.content.content!.slice(0, 2))).toMatch(/emergency/)
  })
})
