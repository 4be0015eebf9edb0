import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file (test/support/). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Path of a compiled file under dist/. Tests that run the code in a child process need the build; without it they
 * fail with a message saying so instead of silently skipping.
 */
export function builtFile(relative: string): string {
  const path = join(repoRoot, 'dist', relative);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does)`);
  return path;
}
