// @vitest-environment node
import { describe, expect, it } from 'vitest'

describe('renderCaret', () => {
  it('marks a facilitator on the caret, and only by the stamped role', async () => {
    const made: { textContent: string; children: unknown[] }[] = []
    const fake = () => {
      const el = {
        className: '',
        textContent: '',
        style: {} as Record<string, string>,
        children: [] as unknown[],
        setAttribute() {},
        append(child: unknown) {
          el.children.push(child)
        },
      }
      made.push(el)
      return el
    }
    globalThis.document = { createElement: fake } as unknown as Document
    const { renderCaret } = await import('./renderCaret.ts')
    renderCaret({ name: 'Dr Lead', color: '#2f5d50', role: 'facilitator' })
    expect(made[1]!.textContent).toBe('Dr Lead · Facilitator')
    renderCaret({ name: 'Robin', color: '#123456', role: 'member' })
    expect(made[3]!.textContent).toBe('Robin')
  })
})
