import { enableCompileCache } from 'node:module'

/**
 * Entry point: `node server/main.js`. Configuration comes from the environment only.
 *
 * Start-up is mostly module loading (about 300 files, types stripped, then compiled). Node's
 * compile cache keeps the stripped and compiled code on disk (in the system's temporary folder,
 * or NODE_COMPILE_CACHE), so a restart skips both. It must be on before the server's modules
 * load, hence this file imports nothing else statically. It is JavaScript, the one exception to
 * TypeScript everywhere: a `.ts` entry would have Node load its type stripper (about 80 ms)
 * before the cache is on, on every start.
 */
enableCompileCache()
await import('./runServer.ts')
