import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';

/** Namespace of event ids derived from client command ids. Never change it: retries rely on it. */
export const COMMAND_EVENT_NAMESPACE = '4f0c8a52-1d7e-5b8e-9b8c-2a6f3e1d9c47';

/** The id of the `index`-th event of a command: UUID v5 of `<commandId>/<index>` (so a retry gets the same ids), or random. */
export function eventIdFor(commandId: string | undefined, index: number): string {
  return commandId ? uuidv5(`${commandId}/${index}`, COMMAND_EVENT_NAMESPACE) : uuidv4();
}
