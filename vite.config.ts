import { defineConfig } from 'vitest/config'
import { globSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { precompress } from './scripts/precompress.ts'

// The PostgreSQL pass (HEARTH_TEST_DATABASE=postgres) runs again what starts a Hearth server;
// the data contract suites (describe.each(DIALECTS)) ran on both databases in the first pass.
const STARTS_A_SERVER = /startTestServer|serverPerTest|groupWorld|roomWorld|spawnServer/
const serverTests =
  process.env.HEARTH_TEST_DATABASE === 'postgres'
    ? globSync('server/**/*.test.ts').filter((file) =>
        STARTS_A_SERVER.test(readFileSync(file, 'utf8')),
      )
    : ['server/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts']

// One config for the client build and every Vitest project. The server runs its TypeScript
// directly on Node 24 (type stripping), so only the client is bundled.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    // tldraw fetches its translations and icons by URL: a JSON file inlined as a `data:` URL
    // would be a fetch the site's Content-Security-Policy (`connect-src 'self'`) refuses.
    assetsInlineLimit: (file: string) => (file.endsWith('.json') ? false : undefined),
    outDir: '../dist/client',
    // Read by the server to name a page's chunks in the shell it sends (server/http/appShell.ts).
    manifest: true,
    emptyOutDir: true,
    // No source maps in the production build: served, they would hand out the client's whole
    // source (and the server refuses `.map` anyway). `npx vite` serves them in development.
    sourcemap: false,
    rolldownOptions: {
      // LiveKit's track processors import MediaPipe's tasks library at the top for a segmenter
      // we do not use (ours is client/video/blur/); declared free of side effects, its 137 KB
      // fall away from the blur's chunk with the code that would call it.
      treeshake: {
        moduleSideEffects: (id: string) => !id.includes('/node_modules/@mediapipe/tasks-vision/'),
      },
      input: {
        index: fileURLToPath(new URL('./client/index.html', import.meta.url)),
        // The service worker must sit at the root (its scope is the folder it is served from).
        sw: fileURLToPath(new URL('./client/reminders/serviceWorker.ts', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/sync': { target: 'ws://127.0.0.1:8787', ws: true },
      '/api': 'http://127.0.0.1:8787',
      '/health': 'http://127.0.0.1:8787',
    },
  },
  test: {
    root: '.',
    // Vitest's default is one worker fewer than the cores: one worker on a two-core machine.
    // The server files mostly wait (sockets, timers, the database), so three workers on two
    // cores took the first pass from 5 min 51 s to 2 min 16 s with every file passing.
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          root: '.',
          // Unit and integration files share their workers (each test builds what it needs:
          // its own server, database and clock); a fresh module graph per file cost ~2 min.
          isolate: false,
          include: serverTests,
          environment: 'node',
          // Drops the schemas of the PostgreSQL pass (HEARTH_TEST_DATABASE=postgres) after it.
          globalSetup: ['server/test/postgresPass.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'shared',
          root: '.',
          isolate: false,
          include: ['shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          root: '.',
          isolate: false,
          include: ['client/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['e2e/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
