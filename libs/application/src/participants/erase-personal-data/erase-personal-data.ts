import { type ErasePersonalData, participantStream } from '#domain';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Run } from '../../kernel/use-case.js';
import { mayHandle, registrationOf } from '../../personal-data/personal-data-access.js';
import { participantChange } from '../participant-stream.js';

export interface ErasePersonalDataInput {
  readonly participantId: string;
}

/** The subject each run's person signs in with, read before their key is destroyed (a retried append erases it again). */
const subjects = new WeakMap<object, string | undefined>();

async function subjectOf({ ports, input: { participantId } }: Run<ErasePersonalDataInput, unknown>): Promise<string | undefined> {
  const registration = await registrationOf(ports.store, participantId);
  const sealed = registration?.personalData ? await ports.vault.open(participantId, registration.personalData) : undefined;
  return registration?.subject ?? (sealed && sealed !== 'erased' ? sealed.subject : undefined);
}

/**
 * Erases a person (an admin, or the person themself): once the erasure is decided (never for a refused one), destroys
 * their key (so nothing can read the sealed subject, name and e-mail, in any copy of the log or read model) and forgets
 * which participant their subject was, then records that it happened. The events themselves stay as they were; they
 * name the participant by an id that reveals nothing.
 */
export const erasePersonalData = participantChange<ErasePersonalDataInput, ErasePersonalData>({
  name: 'ErasePersonalData',
  authorize(run) {
    const { ports, context, input } = run;
    if (!ports.participants.byId(input.participantId)) throw new NotFoundError('There is no such participant.');
    if (!mayHandle(ports.grants, context.actor, input.participantId, context.asOperator)) {
      throw new ForbiddenError('Only an administrator, or the person themself, may erase personal data.');
    }
  },
  target: ({ input }) => ({ id: input.participantId, stream: participantStream(input.participantId) }),
  async command(run) {
    subjects.set(run, await subjectOf(run));
    return { type: 'ErasePersonalData', erasedBy: run.context.actor };
  },
  beforeAppend: async (run) => run.ports.vault.erase(run.input.participantId, subjects.get(run)),
});
