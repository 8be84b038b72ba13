import pino, { type Logger } from 'pino';

/**
 * Logs never carry credentials or submitted data (member-level data is personal health information):
 * authorization headers, keys and any request or job body are redacted by path.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'key',
  'apiKey',
  'body',
  'data',
  'rows',
  'submissions',
  'entities',
  'req.body',
  '*.body',
  '*.data',
  '*.key',
];

/** The one logger of a Quip process (API or worker): the same redaction everywhere. */
export function createLogger(level: string, destination?: pino.DestinationStream, service = 'quip'): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
