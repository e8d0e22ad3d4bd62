import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../config/config.ts'
import { openConfiguredData } from '../data/openConfiguredData.ts'
import { schemaUrl, throwawaySchema } from '../db/test/throwawaySchema.ts'
import { createLogger } from '../log/logger.ts'

const cli = fileURLToPath(new URL('./createFacilitatorCli.ts', import.meta.url))

/** The configured database, SQLite or PostgreSQL, as the server would open it. */
const DATABASES = [
  { name: 'SQLite', url: async () => null },
  {
    name: 'PostgreSQL',
    url: async () => {
      const schema = await throwawaySchema('cli')
      cleanups.push(() => schema.drop())
      return schemaUrl(schema.schema)
    },
  },
]
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

describe.each(DATABASES)('npm run facilitator on $name', ({ url }) => {
  it('creates the account where the server will look for it, and refuses the address twice', async () => {
    const databaseUrl = await url()
    const env = {
      ...process.env,
      HEARTH_DATA_DIR: mkdtempSync(join(tmpdir(), 'hearth-cli-')),
      HEARTH_FACILITATOR_PASSWORD: 'correct horse battery staple',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }
    const run = (email: string) =>
      promisify(execFile)(process.execPath, [cli, '--email', email, '--name', 'Dr Ash'], { env })
    const created = await run('ash@clinic.example')
    expect(created.stdout).toContain('Created facilitator ash@clinic.example')
    await expect(run('ASH@clinic.example')).rejects.toMatchObject({ code: 1 })

    const { data, close } = await openConfiguredData(parseConfig(env), createLogger('silent'))
    try {
      const rows = await data.selectFrom('facilitators').select(['email', 'display_name']).execute()
      expect(rows).toEqual([{ email: 'ash@clinic.example', display_name: 'Dr Ash' }])
    } finally {
      await close()
    }
  })
})
