import { execFile } from 'node:child_process';
import { builtFile } from './built.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the compiled CLI (`npm run cli -- …` without the build step) against a data directory. */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const main = builtFile('apps/cli/src/main.js');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [main, ...args],
      { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: stdout.toString(), stderr: stderr.toString() });
      },
    );
  });
}
