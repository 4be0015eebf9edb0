/**
 * Random histories through the real api, checked step by step against the naive model of the tracking rules
 * (test/model/README.md). Bounded by default; MODEL_RUNS, MODEL_STEPS and MODEL_SEED make a longer run.
 */
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { KINDS, type Setup, type Step } from './actions.js';
import { type Outcome, type RunOptions, runHistory, shrink } from './run.js';

const RUNS = Number(process.env['MODEL_RUNS'] ?? 15);
const STEPS = Number(process.env['MODEL_STEPS'] ?? 40);
const SEED = Number(process.env['MODEL_SEED'] ?? 20090101);
/** How long a failing history may be shrunk for (seconds). */
const SHRINK_SECONDS = Number(process.env['MODEL_SHRINK_SECONDS'] ?? 30);
const OPTIONS: RunOptions = {
  fullEvery: Number(process.env['MODEL_FULL_EVERY'] ?? 4),
  ignore: (process.env['MODEL_IGNORE'] ?? '').split(',').map((token) => token.trim()),
};

const setups: fc.Arbitrary<Setup> = fc.record({
  years: fc.integer({ min: 2, max: 6 }),
  cycle: fc.constantFrom('ANNUAL' as const, 'SEMI_ANNUAL' as const),
  defaultDeadline: fc.boolean(),
  areas: fc.integer({ min: 1, max: 3 }),
  kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 2, maxLength: 4 }),
  lead: fc.integer({ min: 0, max: 20 }),
});

const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.record({ kind: fc.noBias(fc.nat(9_999)), pick: fc.noBias(fc.nat(1_000_000)), seed: fc.noBias(fc.nat(0x7fffffff)) }),
  {
    minLength: STEPS,
    maxLength: STEPS,
  },
);

function describeSetup(setup: Setup): string {
  const stakeholders = setup.kinds.map((kind, n) => `S${n + 1} ${kind}`).join(', ');
  return `${setup.years}-year plan from 2009, ${setup.cycle}, ${setup.defaultDeadline ? 'with' : 'without'} a default deadline, ${setup.areas} area(s); ${stakeholders}`;
}

function report(
  failing: { run: number; setup: Setup; steps: Step[]; outcome: Outcome },
  shrunk: Awaited<ReturnType<typeof shrink>>,
): string {
  return [
    'The api disagrees with the model of the tracking rules.',
    `  seed ${SEED}, history ${failing.run} of ${RUNS} (MODEL_SEED=${SEED} MODEL_RUNS=${RUNS} MODEL_STEPS=${STEPS})`,
    `  set-up: ${describeSetup(shrunk.setup)}`,
    `  failed after step ${failing.outcome.failedAt}; shrunk to ${shrunk.steps.length} step(s) in ${shrunk.attempts} attempt(s)`,
    '',
    shrunk.outcome.failure!.message,
    `  (what differs, for MODEL_IGNORE: ${shrunk.outcome.failure!.signature})`,
    '',
    'The history that shows it (day  who: what  -> outcome):',
    ...shrunk.outcome.log.map((line) => `  ${line}`),
    ...(shrunk.outcome.notes.length > 0 ? ['', ...shrunk.outcome.notes] : []),
    '',
    `Replay just this history: MODEL_REPLAY='${JSON.stringify({ setup: shrunk.setup, steps: shrunk.steps })}'`,
  ].join('\n');
}

describe('tracking figures against a naive model of the rules', () => {
  it(
    `agree through ${RUNS} random histories of ${STEPS} steps`,
    async () => {
      let failing: { run: number; setup: Setup; steps: Step[]; outcome: Outcome } | undefined;
      let run = 0;
      const notes = new Set<string>();
      const replay = process.env['MODEL_REPLAY'] ? (JSON.parse(process.env['MODEL_REPLAY']) as { setup: Setup; steps: Step[] }) : undefined;
      const property = fc.asyncProperty(
        replay ? fc.constant(replay.setup) : setups,
        replay ? fc.constant(replay.steps) : steps,
        async (setup, history) => {
          run++;
          const outcome = await runHistory(setup, history, OPTIONS);
          outcome.notes.forEach((note) => notes.add(note));
          if (process.env['MODEL_LOG']) console.info(`history ${run}: ${describeSetup(setup)}\n${outcome.log.join('\n')}`);
          if (outcome.failure) failing = { run, setup, steps: history, outcome };
          return outcome.failure === null;
        },
      );
      await fc.check(property, { seed: SEED, numRuns: replay ? 1 : RUNS, endOnFailure: true });
      if (notes.size > 0) console.info([...notes].join('\n'));
      if (failing) {
        const shrunk = await shrink(failing.setup, failing.steps, failing.outcome, OPTIONS, SHRINK_SECONDS * 1000);
        throw new Error(report(failing, shrunk));
      }
    },
    60 * 60_000,
  );
});
