/**
 * The api's entry point. It reads the configuration and, when the read models are to be built from scratch, starts
 * their build thread before anything else loads (NestJS, Apollo and the rest take a couple of seconds); then it
 * loads and starts the server.
 */
import 'dotenv/config';
import { ConfigError, type PlatformConfig, loadConfig } from '#platform/config';
import { startBuildThread } from '#platform/thread-builder';

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
const builder = startBuildThread(config, SERVICE);
const { serve } = await import('./serve.js');
try {
  await serve(config, SERVICE, builder);
} catch (error) {
  // A configuration found wrong only once the stores are open (DEMO_DATE against the log): one line, then exit.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
