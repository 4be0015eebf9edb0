import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder: the nearest one above this module with `package.json` and `schema/`. The same from the
 * TypeScript sources (tests), the compiled modules (dist/apps/api/src/) and the bundle (dist/api/main.mjs).
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schema')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no folder with schema/ and package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}
