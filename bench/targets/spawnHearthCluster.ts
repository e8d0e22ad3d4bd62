import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TEST_DATABASE_URL, throwawaySchema } from '../../server/db/test/throwawaySchema.ts'
import { pidsNamed } from '../procStats.ts'
import { spawnTarget, type RunningTarget } from './spawnTarget.ts'

/** The machine's Redis (as in the tests); channels are named per document, nothing is kept. */
const REDIS_URL = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * Hearth on PostgreSQL, as `instances` processes (joined through Redis when more than one),
 * all pinned to the server core like every other target. The server side's CPU counts every
 * instance, Redis and every PostgreSQL process (the record's own work, fsync included), so
 * that one instance and two are compared on the same terms. A fresh schema per run.
 */
export async function spawnHearthCluster(instances: number): Promise<RunningTarget> {
  const schema = await throwawaySchema('bench')
  const env: Record<string, string> = {
    DATABASE_URL: `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`,
    ...(instances > 1 && { REDIS_URL }),
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-cluster-'))
  const started: RunningTarget[] = []
  try {
    for (let i = 0; i < instances; i++) started.push(await spawnTarget('hearth', { dataDir, env }))
  } catch (error) {
    await Promise.all(started.map((t) => t.stop('SIGKILL')))
    await schema.drop()
    throw error
  }
  const [first] = started as [RunningTarget]
  const cpuPids = [
    ...started.map((t) => t.info.pid),
    ...pidsNamed('postgres'),
    ...(instances > 1 ? pidsNamed('redis-server') : []),
  ]
  return {
    ...first,
    info: { ...first.info, ports: started.map((t) => t.info.port), cpuPids },
    output: () => started.map((t) => t.output()).join('\n'),
    stop: async (signal) => {
      await Promise.all(started.map((t) => t.stop(signal)))
      await schema.drop()
    },
  }
}
