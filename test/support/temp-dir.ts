import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where data directories go: `TEST_DATA_ROOT` when set. Under jest, memory (`/dev/shm`) where there is one: no test is
 * about surviving a power cut (a killed process loses nothing on tmpfs either), and an fsync there costs a hundredth of
 * one on disk. Otherwise (the benchmarks, which measure the disk too) the system temp dir.
 */
function dataRoot(): string {
  const given = process.env['TEST_DATA_ROOT'];
  if (given) return given;
  if (process.env['JEST_WORKER_ID'] === undefined) return tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** A fresh directory for a test's data (see `dataRoot`); remove it with `removeDir`. */
export function tempDataDir(prefix = 'npa-'): string {
  return mkdtempSync(join(dataRoot(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
