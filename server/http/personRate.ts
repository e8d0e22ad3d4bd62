import type { Clock } from '../clock/clock.ts'
import { TokenBucket, type Rate } from '../sync/TokenBucket.ts'

/**
 * A token bucket per person (or per any key), on the server's clock: `take(key)` is false
 * once that person has spent their burst. For actions people take by hand (a message, a
 * signal, an answer): a script is slowed, a person is not.
 */
export function personRate(rate: Rate, now: Clock): (key: string) => boolean {
  const buckets = new Map<string, TokenBucket>()
  return (key) => {
    let bucket = buckets.get(key)
    if (!bucket) buckets.set(key, (bucket = new TokenBucket(rate, now)))
    return bucket.take()
  }
}
