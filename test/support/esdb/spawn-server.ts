import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Starts the EventStoreDB test server's CLI (`main`: its compiled main.js) in a process of its own; `url` resolves
 * with the EVENTSTORE_URL it prints, or rejects when the process exits first.
 */
export function spawnEsdbTestServer(main: string, args: readonly string[]): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = new Promise<string>((resolve, reject) => {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /EVENTSTORE_URL='([^']+)'/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the test server exited with ${code}: ${output}`)));
  });
  return { child, url };
}
