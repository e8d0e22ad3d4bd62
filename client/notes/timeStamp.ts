/** The time now, as a stamp in the session notes: "[18:05] ". */
export function timeStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `[${pad(now.getHours())}:${pad(now.getMinutes())}] `
}
