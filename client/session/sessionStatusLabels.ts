import type { SessionStatus } from './sessionSchemas.ts'

/** Each status in the words a facilitator and a member would use. */
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  open: 'Waiting room open',
  live: 'In session',
  ended: 'Ended',
  cancelled: 'Cancelled',
}
