/**
 * The Lua scripts behind `redisRates`: each reads and writes one key in one step, so instances
 * taking from the same bucket at once never both get its last token. The time is an argument
 * (the server's clock, as everywhere in Hearth), never Redis's TIME: tests move a fake clock,
 * and instances agree with their own logs. The key's expiry only bounds what Redis keeps: it
 * is set to when the key no longer matters (a full bucket, a claim past its wait).
 */

/**
 * KEYS[1]: the bucket (a hash of `tokens` and `at`). ARGV: now (ms), tokens per second, burst,
 * expiry (ms). Returns 1 when a token was taken, 0 when the bucket is empty. The arithmetic is
 * `takeToken`'s in localRates.ts.
 */
export const TAKE_TOKEN = `
local now = tonumber(ARGV[1])
local perSecond = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
if now > at then
  tokens = math.min(burst, tokens + (now - at) / 1000 * perSecond)
  at = now
end
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return taken
`

/**
 * KEYS[1]: the time of the last claim. ARGV: now (ms), the wait (ms). Returns 0 and claims when
 * the last claim is `wait` old or older (or there is none); else the milliseconds left.
 * Compared with this call's wait rather than left to the key's expiry, which runs on Redis's
 * clock: a facilitator who shortens slow mode shortens the wait at once.
 */
export const CLAIM_QUIET = `
local now = tonumber(ARGV[1])
local wait = tonumber(ARGV[2])
local last = tonumber(redis.call('GET', KEYS[1]) or '')
if last then
  local left = math.min(wait, last + wait - now)
  if left > 0 then return math.ceil(left) end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 0
`
