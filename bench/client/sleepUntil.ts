/** Resolves at `t` on the performance.now() clock. */
export const sleepUntil = (t: number) =>
  new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())))
