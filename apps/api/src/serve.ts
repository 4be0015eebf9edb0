import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, type PlatformConfig } from '#platform';
import { AppModule } from './app.module.js';
import { offerDemo } from './demo/offer-demo.js';
import { ReminderScheduler } from './notifications/reminder-scheduler.js';
import { Metrics } from './observability/metrics.js';
import { type MetricsServer, startMetricsServer } from './observability/metrics-server.js';
import { NestPinoLogger } from './observability/nest-pino-logger.js';
import { securityHeaders } from './web/security-headers.js';
import { serveWebApp, webAppInlineScripts } from './web/serve-web-app.js';

/** Starts the api on `config`'s port (and `/metrics` on `METRICS_PORT`) and stops it gracefully on SIGTERM or SIGINT. */
export async function serve(config: PlatformConfig, service: string): Promise<void> {
  const logger = createLogger(config.logLevel, service);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  // First, so that every answer carries them; the GraphiQL page is served outside production only (graphql-options.ts).
  securityHeaders(app, config, !config.production, webAppInlineScripts());
  app.useBodyParser('json', { limit: config.bodyLimit });
  serveWebApp(app, logger);
  await app.listen(config.port, config.host);
  let metricsServer: MetricsServer | undefined;
  if (config.metrics.port !== undefined) {
    try {
      metricsServer = await startMetricsServer(app.get(Metrics), config);
    } catch (error) {
      console.error(`Cannot serve /metrics on METRICS_PORT ${config.metrics.port} (HOST ${config.host}): ${(error as Error).message}`);
      await app.close();
      process.exit(1);
    }
    logger.info(
      { url: `http://${config.host}:${config.metrics.port}/metrics`, token: config.metrics.token !== undefined },
      'metrics listening',
    );
  }
  await offerDemo(app, config, logger, process.argv.includes('--seed-demo-if-empty'));
  // Reminders, once the demo (if any) is in the log: a pass now, then every REMINDERS_INTERVAL_MINUTES.
  app.get(ReminderScheduler).start();

  // Graceful shutdown: stop accepting, finish in-flight requests, then close the stores (onApplicationShutdown).
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      Promise.all([app.close(), metricsServer?.close()]).then(
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
