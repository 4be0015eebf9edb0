import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#eventstore';

/** The data of a realistic progress event: a few fields, about 200 bytes of JSON. */
export function progressData(n: number) {
  return {
    commitmentId: `c-${n % 97}`,
    period: '2026',
    percentComplete: n % 101,
    narrative: 'Training of tourism-sector staff continued in three regions.',
    evidenceType: 'SELF_REPORTED',
  };
}

export type ProgressData = ReturnType<typeof progressData>;

/** A progress event with a fresh id and the platform's usual metadata. */
export function progressEvent(n: number): NewEvent<'ProgressReported', ProgressData> {
  return {
    id: randomUUID(),
    type: 'ProgressReported',
    data: progressData(n),
    metadata: { correlationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1, actor: 'bench' },
  };
}

/** The one-writer workloads spread their appends over this many streams, in turn. */
export const ONE_WRITER_STREAMS = 10;

export const oneWriterStream = (n: number): string => `commitment-${n % ONE_WRITER_STREAMS}`;
