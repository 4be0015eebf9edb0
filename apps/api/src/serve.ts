import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, type PlatformConfig } from '#platform';
import type { ProjectionBuilder } from '#projections';
import { AppModule } from './app.module.js';
import { offerDemo } from './demo/offer-demo.js';
import { NestPinoLogger } from './observability/nest-pino-logger.js';
import { serveWebApp } from './web/serve-web-app.js';

/** Starts the api on `config`'s port and stops it gracefully on SIGTERM or SIGINT. */
export async function serve(config: PlatformConfig, service: string, builder: ProjectionBuilder | undefined): Promise<void> {
  const logger = createLogger(config.logLevel, service);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger, builder), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: config.bodyLimit });
  serveWebApp(app, logger);
  await app.listen(config.port, config.host);
  await offerDemo(app, config, logger, process.argv.includes('--seed-demo-if-empty'));

  // Graceful shutdown: stop accepting, finish in-flight requests, then close the stores (onApplicationShutdown).
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  logger.info({ url: `http://localhost:${config.port}/graphql`, dataDir: config.dataDir }, 'api listening');
}
