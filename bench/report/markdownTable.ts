/** A Markdown table, so the printed summary can go into docs/PERFORMANCE.md as it is. */
export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

/** A number for a table: fixed digits, or '–' when there is none. */
export function fmt(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits)
}

export const pct = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x * 100)}%`)
