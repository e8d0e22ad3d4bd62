import { z } from 'zod'

// The server's CSP forbids eval. Unless told `jitless`, Zod probes `new Function` when it builds
// its first object schema, and the browser reports a CSP violation on every page load. Imported
// first in main.tsx, so that it runs before any module defines a schema.
z.config({ jitless: true })
