// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'

describe('renderCaret', () => {
  // The client tests share one module world (isolate: false): a fake document left behind made
  // prosemirror-view fail to load in whichever test file came next.
  afterEach(() => vi.unstubAllGlobals())

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
    vi.stubGlobal('document', { createElement: fake })
    const { renderCaret } = await import('./renderCaret.ts')
    renderCaret({ name: 'Dr Lead', color: '#2f5d50', role: 'facilitator' })
    expect(made[1]!.textContent).toBe('Dr Lead · Facilitator')
    renderCaret({ name: 'Robin', color: '#123456', role: 'member' })
    expect(made[3]!.textContent).toBe('Robin')
  })
})
