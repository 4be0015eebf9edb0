/** The api's entry point: it reads the configuration, then starts the server. */
import 'dotenv/config';
import { ConfigError, type PlatformConfig, loadConfig } from '#platform/config';
import { serve } from './serve.js';

const SERVICE = 'npa-api';

function configOrExit(): PlatformConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = configOrExit();
try {
  await serve(config, SERVICE);
} catch (error) {
  // A configuration found wrong only once the stores are open (DEMO_DATE against the log): one line, then exit.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
