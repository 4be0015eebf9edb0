import type { Clock } from '#application';
import type { EventStore } from '#eventstore';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type PlatformConfig } from './config.js';

/** The real calendar. */
export const systemClock: Clock = { now: () => new Date() };

/** Where a DATA_DIR on a demonstration's calendar keeps that calendar, so that its clock runs on across restarts. */
export const demoCalendarPath = (dataDir: string): string => join(dataDir, 'demo-calendar.json');

interface DemoCalendar {
  /** DEMO_DATE when the calendar began. */
  readonly demoDate: string;
  /** The real instant the calendar began: the platform's clock then read noon (UTC) of `demoDate`. */
  readonly startedAt: string;
}

/** A clock that read noon (UTC) of `demoDate` at the real instant `startedAt` and runs at the real pace since. */
export function demoClock(calendar: DemoCalendar, real: Clock = systemClock): Clock {
  const offset = Date.parse(`${calendar.demoDate}T12:00:00.000Z`) - Date.parse(calendar.startedAt);
  return { now: () => new Date(real.now().getTime() + offset) };
}

/**
 * The platform's clock. A DATA_DIR lives on one calendar for good: the real one, or the calendar of the demonstration
 * that began on it (DEMO_DATE, recorded in `demo-calendar.json` the first time, while the log is still empty). Events
 * are never recorded out of order: DEMO_DATE on a log that already has events of the real calendar, a different
 * DEMO_DATE, or none, on a log of a demonstration are refused with the reason. `memory:` keeps nothing, so its
 * demonstration calendar begins each time the process starts.
 */
export async function openPlatformClock(config: PlatformConfig, store: EventStore, real: Clock = systemClock): Promise<Clock> {
  if (config.eventStoreUrl !== undefined) {
    return config.demoDate === undefined ? real : demoClock({ demoDate: config.demoDate, startedAt: real.now().toISOString() }, real);
  }
  const path = demoCalendarPath(config.dataDir);
  const recorded = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DemoCalendar) : undefined;
  if (recorded) {
    if (config.demoDate === recorded.demoDate) return demoClock(recorded, real);
    throw new ConfigError(
      `Invalid configuration: ${config.dataDir} holds a demonstration whose calendar began on DEMO_DATE=${recorded.demoDate}; ` +
        (config.demoDate === undefined ? 'set DEMO_DATE to that date again' : `it cannot move to ${config.demoDate}`) +
        ', or use another DATA_DIR',
    );
  }
  if (config.demoDate === undefined) return real;
  if ((await store.headPosition()) !== undefined) {
    throw new ConfigError(
      `Invalid configuration: DEMO_DATE needs a DATA_DIR with no events yet; ${config.dataDir} already holds events recorded on the real calendar`,
    );
  }
  const calendar: DemoCalendar = { demoDate: config.demoDate, startedAt: real.now().toISOString() };
  writeFileSync(path, `${JSON.stringify(calendar, null, 2)}\n`, { flag: 'wx' });
  return demoClock(calendar, real);
}
