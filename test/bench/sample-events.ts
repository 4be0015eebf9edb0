import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#eventstore';

/** A realistic progress event: a few fields of data and the platform's usual metadata. */
export function progressData(n: number) {
  return {
    commitmentId: `c-${n % 97}`,
    period: '2026',
    percentComplete: n % 101,
    narrative: 'Training of tourism-sector staff continued in three regions.',
    evidenceType: 'SELF_REPORTED',
  };
}

export function progressEvent(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'ProgressReported',
    data: progressData(n),
    metadata: { correlationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1, actor: 'bench' },
  };
}
