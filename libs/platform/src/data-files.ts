import { join } from 'node:path';

/** Where the embedded event log lives inside `DATA_DIR`. */
export const eventLogPath = (dataDir: string): string => join(dataDir, 'events.sqlite');
