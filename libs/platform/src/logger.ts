import { pino, type Logger } from 'pino';

/** The platform's structured JSON logger (pino). */
export function createLogger(level: string, name = 'npa-platform'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
