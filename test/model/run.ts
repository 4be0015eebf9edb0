/**
 * Runs one history (set-up, then steps) against a fresh in-process api, comparing after every step; and shrinks a
 * failing history to fewer steps that still fail the same way.
 */
import { startInProcessApi } from '../support/in-process-api.js';
import { choose, random, type Setup, setUp, startDay, type Step } from './actions.js';
import { addDays, daysFrom, type Day } from './model.js';
import type { Features } from './reads.js';
import { ADMIN, Discrepancy, World, type WorldOptions } from './world.js';

export interface RunOptions extends WorldOptions {
  /** Compare every read every this many steps (and after the last); the cheap reads after every step. */
  readonly fullEvery: number;
  /** Compare the reads after the last step only (shrinking: the failure is at the last step). */
  readonly readsAtEndOnly?: boolean;
}

export interface Outcome {
  readonly failure: Discrepancy | null;
  /** How many steps ran when it failed (0: during the set-up). */
  readonly failedAt: number;
  /** The history as run: day, who, what, outcome. */
  readonly log: string[];
  readonly notes: string[];
}

async function features(world: World): Promise<Features> {
  const data = await world.query<{ __type: { fields: { name: string }[] } | null }>(
    '{ __type(name: "TrackingFigures") { fields { name } } }',
  );
  return { atRiskCommitments: data.__type?.fields.some((field) => field.name === 'atRiskCommitments') ?? false };
}

/** A day of the history so far (now and then before the plan existed), for `asOf` and `asAt`. */
function pastDay(world: World, step: Step): Day {
  const from = addDays(world.draftedOn, -2);
  return addDays(from, random(step.seed ^ 0x5bd1e995).int(daysFrom(from, world.today) + 1));
}

export async function runHistory(setup: Setup, steps: readonly Step[], options: RunOptions): Promise<Outcome> {
  const api = await startInProcessApi({
    start: new Date(`${startDay(setup)}T12:00:00.000Z`),
    bootstrapAdmin: ADMIN,
    // Reading a whole plan as of a day is one deep, wide query; the limits are not what is tested here.
    env: { GRAPHQL_MAX_COST: '1000000', GRAPHQL_MAX_DEPTH: '30' },
  });
  const world = new World(api, options);
  let executed = 0;
  try {
    world.features = await features(world);
    if (!world.features.atRiskCommitments)
      world.notes.add('The schema has no TrackingFigures.atRiskCommitments yet: at-risk lists were not compared.');
    await setUp(world, setup);
    await world.compareCheap([]);
    for (const [n, step] of steps.entries()) {
      executed = n + 1;
      const chosen = choose(world, step);
      let touched: string | undefined;
      if ('advance' in chosen) world.advance(chosen.advance);
      else {
        const payload = await world.perform(chosen);
        touched = chosen.commitmentId ?? payload?.commitment?.id;
      }
      const last = n === steps.length - 1;
      if (!options.readsAtEndOnly || last) await world.compareCheap(touched ? [touched] : []);
      if ((!options.readsAtEndOnly && (n + 1) % options.fullEvery === 0) || last) await world.compareFull(pastDay(world, step));
    }
    if (steps.length === 0) await world.compareFull(world.today);
    return { failure: null, failedAt: executed, log: world.log.map((line) => world.readable(line)), notes: [...world.notes] };
  } catch (error) {
    const failure =
      error instanceof Discrepancy
        ? error
        : new Discrepancy(
            `error:${String((error as Error).message).split('\n')[0]}`,
            world.readable(String((error as Error).stack ?? error)),
          );
    return { failure, failedAt: executed, log: world.log.map((line) => world.readable(line)), notes: [...world.notes] };
  } finally {
    await api.stop();
  }
}

export interface Shrunk {
  readonly setup: Setup;
  readonly steps: readonly Step[];
  readonly outcome: Outcome;
  readonly attempts: number;
}

/**
 * Fewer steps (and a smaller set-up) that fail with the same signature: drops chunks of steps, halving the chunk,
 * until nothing more can go or `budgetMs` is spent. Only how small the answer is depends on the budget.
 */
export async function shrink(setup: Setup, steps: readonly Step[], first: Outcome, options: RunOptions, budgetMs: number): Promise<Shrunk> {
  const deadline = Date.now() + budgetMs;
  const signature = first.failure!.signature;
  let best: Shrunk = { setup, steps: steps.slice(0, first.failedAt), outcome: first, attempts: 0 };
  let attempts = 0;
  const attempt = async (candidateSetup: Setup, candidate: readonly Step[]): Promise<boolean> => {
    attempts++;
    const outcome = await runHistory(candidateSetup, candidate, { ...options, readsAtEndOnly: true });
    if (outcome.failure?.signature !== signature) return false;
    best = { setup: candidateSetup, steps: candidate.slice(0, outcome.failedAt), outcome, attempts };
    return true;
  };
  const smallerSetups: Setup[] = [
    { ...setup, areas: 1 },
    { ...setup, kinds: setup.kinds.slice(0, 2) },
    { ...setup, defaultDeadline: false },
  ];
  for (const candidate of smallerSetups) {
    if (Date.now() < deadline && JSON.stringify(candidate) !== JSON.stringify(best.setup))
      await attempt({ ...best.setup, ...diff(setup, candidate) }, best.steps);
  }
  let chunk = Math.max(1, Math.floor(best.steps.length / 2));
  for (;;) {
    let removed = false;
    for (let start = 0; start < best.steps.length && Date.now() < deadline;) {
      if (await attempt(best.setup, [...best.steps.slice(0, start), ...best.steps.slice(start + chunk)])) removed = true;
      else start += chunk;
    }
    if (Date.now() >= deadline || (chunk === 1 && !removed)) break;
    chunk = Math.max(1, Math.floor(chunk / 2));
  }
  // Once more with every read at its usual step, as MODEL_REPLAY runs it: the report shows that run.
  const replayed = await runHistory(best.setup, best.steps, options);
  return {
    ...best,
    steps: best.steps.slice(0, replayed.failure ? replayed.failedAt : best.steps.length),
    outcome: replayed.failure ? replayed : best.outcome,
    attempts,
  };
}

/** The fields `candidate` changes relative to `setup`. */
function diff(setup: Setup, candidate: Setup): Partial<Setup> {
  return Object.fromEntries(
    Object.entries(candidate).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(setup[key as keyof Setup])),
  );
}
