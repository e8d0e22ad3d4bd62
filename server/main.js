import { enableCompileCache } from 'node:module'
import process from 'node:process'

/**
 * Entry point: `node server/main.js` runs the server from source (tests, `npm run dev`);
 * `npm start` runs the same file built into `dist/server/main.js` (scripts/buildServer.ts),
 * which loads a few dozen files instead of about 500. Configuration comes from the environment
 * only.
 *
 * Node's compile cache keeps compiled code (and, from source, type-stripped code) on disk, in
 * the system's temporary folder or NODE_COMPILE_CACHE, so a restart skips both. It must be on
 * before the server's modules load, hence this file imports nothing else statically. It is
 * JavaScript, the one exception to TypeScript everywhere: a `.ts` entry would have Node load
 * its type stripper (about 80 ms) before the cache is on, on every start.
 */
enableCompileCache()
// Stack traces in the logs name the source files and lines, not the bundle's (about 10 ms).
process.setSourceMapsEnabled(true)
await import('./runServer.ts')
