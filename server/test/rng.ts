/** Seeded PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seed of a randomised test: `SEED=…` replays a failure; otherwise a fresh one. */
export function testSeed(): number {
  return Number(process.env.SEED ?? Math.floor(Math.random() * 1e9))
}
