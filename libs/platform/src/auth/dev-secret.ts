import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformConfig } from '../config.js';

const SECRET_FILE = 'dev-token-secret';

/**
 * The secret that signs local dev tokens: `AUTH_DEV_SECRET` when set, otherwise one generated once and kept in
 * `DATA_DIR/dev-token-secret` (owner-only), so the api and the CLI agree without configuration.
 */
export function devTokenSecret(config: Pick<PlatformConfig, 'dataDir' | 'auth'>): Uint8Array {
  if (config.auth.mode === 'dev' && config.auth.secret) return new TextEncoder().encode(config.auth.secret);
  const path = join(config.dataDir, SECRET_FILE);
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(path, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return new TextEncoder().encode(readFileSync(path, 'utf8').trim());
}
