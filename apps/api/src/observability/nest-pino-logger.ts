import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Routes Nest's own log lines into the platform's pino logger, so every line is structured JSON. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.logger.info(this.context(params), this.text(message));
  }
  error(message: unknown, ...params: unknown[]): void {
    const [trace, ...rest] = params;
    this.logger.error({ ...this.context(rest), ...(typeof trace === 'string' ? { stack: trace } : {}) }, this.text(message));
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.logger.warn(this.context(params), this.text(message));
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.logger.debug(this.context(params), this.text(message));
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.logger.trace(this.context(params), this.text(message));
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.logger.fatal(this.context(params), this.text(message));
  }

  private context(params: unknown[]): Record<string, unknown> {
    const last = params[params.length - 1];
    return typeof last === 'string' ? { context: last } : {};
  }
  private text(message: unknown): string {
    if (message instanceof Error) return message.message;
    return typeof message === 'string' ? message : JSON.stringify(message);
  }
}
