/**
 * How long the api takes to start, as `npm run start:prod` runs it (the bundle, dist/api/main.mjs) and as tsc
 * compiled it, module by module (dist/apps/api/src/main.js): each started in turn on an empty DATA_DIR until
 * `/health` answers, with the CPU time the process had used by then (user and system, from /proc). Medians; the
 * tests start the api about seventy times per `npm test`. Prints figures; asserts nothing.
 *
 *   npm run bench:start          # builds, then runs dist/test/bench/api-start.js
 *   START_BENCH_RUNS=9 node dist/test/bench/api-start.js
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_MAIN, removeDir, startApi, tempDataDir } from '../support/api-process.js';

const RUNS = Number(process.env['START_BENCH_RUNS'] ?? 7);
const VARIANTS = { bundle: API_MAIN, modules: resolve('dist/apps/api/src/main.js') };
/** Clock ticks per second of /proc/<pid>/stat's CPU times (100 on Linux). */
const TICKS = 100;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function startOnce(main: string): Promise<{ ms: number; cpuMs: number }> {
  const dataDir = tempDataDir('npa-bench-start-');
  const started = performance.now();
  const api = await startApi({ main, dataDir });
  try {
    const ms = performance.now() - started;
    // utime and stime, fields 14 and 15 of the line: 11 and 12 once the pid and the command name are cut off.
    const stat = readFileSync(`/proc/${api.process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { ms, cpuMs: ((Number(stat[11]) + Number(stat[12])) * 1000) / TICKS };
  } finally {
    await api.stop();
    removeDir(dataDir);
  }
}

const results = Object.fromEntries(Object.keys(VARIANTS).map((name) => [name, { ms: [] as number[], cpuMs: [] as number[] }]));
for (let run = 0; run < RUNS; run++) {
  // In turn, the order swapped every run: both see the same machine.
  const order = Object.entries(VARIANTS);
  for (const [name, main] of run % 2 === 0 ? order : order.reverse()) {
    const { ms, cpuMs } = await startOnce(main);
    results[name]!.ms.push(ms);
    results[name]!.cpuMs.push(cpuMs);
  }
}
const figures: Record<string, number> = {};
console.log(`api start to /health on an empty DATA_DIR, ${RUNS} runs each (medians)`);
for (const [name, { ms, cpuMs }] of Object.entries(results)) {
  console.log(`${name.padEnd(8)} ${Math.round(median(ms))} ms, ${Math.round(median(cpuMs))} ms of CPU (${ms.map(Math.round).join(', ')})`);
  figures[`api_start_${name}_ms`] = Math.round(median(ms));
  figures[`api_start_${name}_cpu_ms`] = Math.round(median(cpuMs));
}
console.log(
  `bundle against modules: ${(figures['api_start_bundle_ms']! / figures['api_start_modules_ms']!).toFixed(2)} of the time, ${(figures['api_start_bundle_cpu_ms']! / figures['api_start_modules_cpu_ms']!).toFixed(2)} of the CPU`,
);
console.log(JSON.stringify(figures));
