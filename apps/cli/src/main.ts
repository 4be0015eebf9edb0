import 'reflect-metadata';
import 'dotenv/config';
import { CommandFactory } from 'nest-commander';
import { ConfigError, createLogger, loadConfig } from '#platform';
import { CliModule } from './cli.module.js';

/** `npm run cli -- <command>`: operator commands on the same DATA_DIR / EVENTSTORE_URL as the api. */
try {
  const config = loadConfig();
  const logger = createLogger(process.env['LOG_LEVEL'] ?? 'warn', 'npa-cli');
  await CommandFactory.run(CliModule.forRoot(config, logger), {
    logger: ['error'],
    cliName: 'npm run cli --',
    errorHandler: (error) => {
      if ((error as { exitCode?: number }).exitCode === 0) process.exit(0);
      console.error(error.message);
      process.exit(2);
    },
    serviceErrorHandler: (error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    },
  });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `error: ${(error as Error).message}`);
  process.exit(1);
}
