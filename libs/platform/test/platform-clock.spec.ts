import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '#eventstore';
import { ConfigError, demoCalendarPath, loadConfig, openPlatformClock } from '#platform';

/** A real calendar the test moves by hand. */
const realClock = (start: string) => {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

const HOUR = 3_600_000;

describe("the platform's clock", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'npa-clock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads the real calendar without DEMO_DATE, and writes nothing', async () => {
    const dir = dataDir();
    const real = realClock('2026-12-07T09:00:00Z');
    const clock = await openPlatformClock(loadConfig({ DATA_DIR: dir }), new MemoryEventStore(), real);
    expect(clock.now().toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(existsSync(demoCalendarPath(dir))).toBe(false);
  });

  it("starts a demonstration's calendar at noon of DEMO_DATE on an empty log, runs at the real pace and goes on after a restart", async () => {
    const dir = dataDir();
    const real = realClock('2026-12-07T09:00:00Z');
    const config = loadConfig({ DATA_DIR: dir, DEMO_DATE: '2013-12-10' });
    const clock = await openPlatformClock(config, new MemoryEventStore(), real);
    expect(clock.now().toISOString()).toBe('2013-12-10T12:00:00.000Z');
    real.advance(13 * HOUR);
    expect(clock.now().toISOString()).toBe('2013-12-11T01:00:00.000Z');

    // Two real days later the process starts again: its calendar is the one it began, not DEMO_DATE afresh.
    real.advance(48 * HOUR);
    const store = new MemoryEventStore();
    await store.append('s', [
      {
        id: '0b9e5f5e-1d7a-4b8e-9a51-4f3d2c1b0a99',
        type: 'Happened',
        data: {},
        metadata: { correlationId: 'c', occurredAt: clock.now().toISOString(), schemaVersion: 1 },
      },
    ]);
    const again = await openPlatformClock(config, store, real);
    expect(again.now().toISOString()).toBe('2013-12-13T01:00:00.000Z');
  });

  it('refuses another DEMO_DATE, or none, on the log of a demonstration', async () => {
    const dir = dataDir();
    const real = realClock('2026-12-07T09:00:00Z');
    await openPlatformClock(loadConfig({ DATA_DIR: dir, DEMO_DATE: '2013-12-10' }), new MemoryEventStore(), real);
    await expect(openPlatformClock(loadConfig({ DATA_DIR: dir, DEMO_DATE: '2014-06-01' }), new MemoryEventStore(), real)).rejects.toThrow(
      /calendar began on DEMO_DATE=2013-12-10; it cannot move to 2014-06-01/,
    );
    await expect(openPlatformClock(loadConfig({ DATA_DIR: dir }), new MemoryEventStore(), real)).rejects.toThrow(ConfigError);
  });

  it('refuses DEMO_DATE on a log that already holds events of the real calendar, and leaves it on that calendar', async () => {
    const dir = dataDir();
    const store = new MemoryEventStore();
    await store.append('s', [
      {
        id: '5a0f2f43-58a4-4f0e-8f8c-6f3e1c2b1a00',
        type: 'Happened',
        data: {},
        metadata: { correlationId: 'c', occurredAt: '2026-12-01T10:00:00Z', schemaVersion: 1 },
      },
    ]);
    await expect(
      openPlatformClock(loadConfig({ DATA_DIR: dir, DEMO_DATE: '2013-12-10' }), store, realClock('2026-12-07T09:00:00Z')),
    ).rejects.toThrow(/DEMO_DATE needs a DATA_DIR with no events yet/);
    expect(existsSync(demoCalendarPath(dir))).toBe(false);
  });

  it('takes DEMO_DATE as a real calendar day, on the embedded store only', () => {
    expect(() => loadConfig({ DEMO_DATE: '2013-02-30' })).toThrow(/DEMO_DATE must be a date such as 2013-12-10/);
    expect(() => loadConfig({ DEMO_DATE: '10/12/2013' })).toThrow(/DEMO_DATE must be a date such as 2013-12-10/);
    expect(() => loadConfig({ DEMO_DATE: '2013-12-10', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' })).toThrow(/embedded store/);
    expect(loadConfig({ DEMO_DATE: '2013-12-10', EVENTSTORE_URL: 'memory:' }).demoDate).toBe('2013-12-10');
  });
});
