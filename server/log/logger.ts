import { pino, type Logger } from 'pino'

export type { Logger }

/**
 * Structured JSON logs. Callers pass ids, sizes and codes, never document, chat or note
 * content; the redaction below is a second line of defence for fields that could carry it.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'hearth' },
      redact: {
        paths: ['token', '*.token', 'update', '*.update', 'content', '*.content', 'req.headers'],
        censor: '[redacted]',
      },
    },
    destination,
  )
}
