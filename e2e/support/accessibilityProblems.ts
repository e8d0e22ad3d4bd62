import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
let axeSource: Promise<string> | null = null

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[]
}

/**
 * What axe-core finds wrong on the page against WCAG 2.1 A and AA (labels, names, contrast,
 * landmarks, headings…), one line per rule. The engine is evaluated through the DevTools
 * protocol rather than as a script tag, so the page's Content-Security-Policy stays intact.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.evaluate(await axeSource)
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResult> } }).axe.run(
        document,
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      ) as Promise<AxeResult>,
  )
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}
