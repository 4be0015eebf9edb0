import type { RecordedEvent } from '#eventstore';
import { eventIdFor } from './event-ids.js';

/**
 * The events an earlier run of the same client command recorded, found by their derived ids: the event with the
 * id of index 0 and the ones right after it that carry the ids of index 1, 2, …; undefined when there was none.
 */
export function earlierRun(recorded: readonly RecordedEvent[], commandId: string, binding: string): RecordedEvent[] | undefined {
  const firstId = eventIdFor(commandId, binding, 0);
  const start = recorded.findIndex((event) => event.id === firstId);
  if (start < 0) return undefined;
  const run: RecordedEvent[] = [recorded[start]!];
  for (let index = 1; start + index < recorded.length && recorded[start + index]!.id === eventIdFor(commandId, binding, index); index++) {
    run.push(recorded[start + index]!);
  }
  return run;
}
