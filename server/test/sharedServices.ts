import { TEST_KEYS_DATABASE_URL, throwawaySchema } from '../db/test/throwawaySchema.ts'
import { privateRedis, type PrivateRedis } from './privateRedis.ts'

/**
 * What instances on separate hosts share besides their configuration: a PostgreSQL schema (the
 * record), a schema of the keys database (the data keys, the VAPID pair) and a Redis of the
 * test's own (so that it can be killed). `env` points an instance at them; each is undone by a
 * cleanup pushed onto `cleanups`, to run in reverse order.
 */
export async function sharedServices(
  prefix: string,
  cleanups: (() => Promise<unknown> | unknown)[],
): Promise<{
  env: { DATABASE_URL: string; HEARTH_KEYS_DATABASE_URL: string; REDIS_URL: string }
  redis: PrivateRedis
}> {
  const schema = await throwawaySchema(prefix)
  cleanups.push(() => schema.drop())
  const keys = await throwawaySchema(prefix, TEST_KEYS_DATABASE_URL)
  cleanups.push(() => keys.drop())
  const redis = await privateRedis()
  cleanups.push(() => redis.kill())
  const env = { DATABASE_URL: schema.url, HEARTH_KEYS_DATABASE_URL: keys.url, REDIS_URL: redis.url }
  return { env, redis }
}
