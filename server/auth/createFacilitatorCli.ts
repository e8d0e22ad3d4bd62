import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { systemClock } from '../clock/clock.ts'
import { parseConfig } from '../config/config.ts'
import { openConfiguredData } from '../data/openConfiguredData.ts'
import { createLogger } from '../log/logger.ts'
import { createFacilitator } from './facilitators.ts'

/**
 * `npm run facilitator -- --email you@clinic.example --name "Dr You"`: creates a facilitator
 * account in the configured database. The password is read from the terminal (or from
 * HEARTH_FACILITATOR_PASSWORD for scripts), never from the command line, where it would land
 * in shell history.
 */
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' } },
})
if (!values.email || !values.name) {
  process.stderr.write('usage: npm run facilitator -- --email <email> --name "<display name>"\n')
  process.exit(2)
}
let password = process.env.HEARTH_FACILITATOR_PASSWORD
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  password = await rl.question('Password (at least 12 characters): ')
  rl.close()
}
const config = parseConfig(process.env)
const { data, close } = await openConfiguredData(
  config,
  createLogger(config.logLevel, process.stderr),
)
const result = await createFacilitator(
  data,
  { email: values.email, displayName: values.name, password },
  { kind: 'system', id: null },
  systemClock(),
)
await close()
if (!result.ok) {
  process.stderr.write(`${result.message}\n`)
  process.exit(1)
}
process.stdout.write(
  `Created facilitator ${values.email}. Sign in at ${config.publicOrigin}/login\n`,
)
