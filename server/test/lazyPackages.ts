/**
 * Packages only a few routes need: each loads on first use, never with the server's modules
 * (`server/startupImports.test.ts` from source, `scripts/buildServer.test.ts` built).
 */
export const LAZY_PACKAGES = [
  '@zxcvbn-ts/',
  '@tiptap/',
  'prosemirror-',
  'livekit-server-sdk',
  'pdfkit',
  'fflate',
  'web-push',
  'otpauth',
  'unhomoglyph',
  // Kysely (issue 21): about 70 ms to load; the first sign-in or sweep loads it.
  'kysely',
  // PostgreSQL and Redis: only with DATABASE_URL and REDIS_URL.
  'pg',
  'ioredis',
]

/** The names in `packages` that should have waited for first use. */
export const lazyAmong = (packages: string[]) =>
  packages.filter((name) => LAZY_PACKAGES.some((lazy) => name.startsWith(lazy)))
