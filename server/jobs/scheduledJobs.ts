import type { Services } from '../http/AppEnv.ts'
import { finishGroupErasures } from '../erasure/eraseGroup.ts'
import { deleteExpired } from '../release/deleteExpired.ts'
import { sendReminders } from '../reminders/sendReminders.ts'

/** One job: runs on the server's clock, logs counts, never content. */
type Job = (services: Services) => Promise<unknown>

const JOBS: [string, Job][] = [
  ['reminders', sendReminders],
  ['retention', deleteExpired],
  ['erasure', finishGroupErasures],
]

/**
 * The jobs the server runs every minute, one after the other. A run still going when the
 * next is due is not doubled; a job that fails is logged and tried again next minute.
 */
export function scheduledJobs(services: Services): {
  run(): Promise<void>
  /** Resolves once no run is going (before the stores close). */
  settle(): Promise<void>
} {
  let running: Promise<void> | null = null
  const run = () =>
    (running ??= (async () => {
      for (const [name, job] of JOBS) {
        try {
          await job(services)
        } catch (error) {
          services.log.error({ err: error, job: name }, 'scheduled job failed')
        }
      }
    })().finally(() => {
      running = null
    }))
  return { run, settle: async () => void (await running) }
}
