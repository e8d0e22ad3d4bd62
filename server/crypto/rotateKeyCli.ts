import { parseArgs } from 'node:util'
import { systemClock } from '../clock/clock.ts'
import { parseConfig } from '../config/config.ts'
import { createLogger } from '../log/logger.ts'
import { rotateMasterKey } from './rotateMasterKey.ts'

/**
 * `npm run rotate-key [-- --out <file>]`: a new master key rewraps every data key, while the
 * server runs. With the key in a file (the default) the file is replaced; with
 * HEARTH_MASTER_KEY the new key is written to --out for the operator's secret store.
 */
const { values } = parseArgs({ options: { out: { type: 'string' } } })
const config = parseConfig(process.env)
const log = createLogger(config.logLevel)
try {
  const done = await rotateMasterKey(
    { ...config.masterKey, dataDir: config.dataDir },
    config.keysDatabaseUrl ? { url: config.keysDatabaseUrl } : config.keyRingPath,
    systemClock,
    log,
    values.out ? { out: values.out } : {},
  )
  process.stdout.write(
    `Rewrapped ${done.rewrapped} data key(s). The new master key (${done.masterId}) is in ${done.newKeyFile}.\n` +
      (config.masterKey.configured
        ? 'Put it in HEARTH_MASTER_KEY where the server reads it, then delete that file.\n'
        : 'A running server adopts it the next time it needs a key.\n'),
  )
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
