import type { EventStore } from '#eventstore';
import type { SqliteCatalogueReader } from '../catalogue/sqlite-catalogue-reader.js';
import type { CommentRateLimit } from '../discussions/comment-rate-limit.js';
import type { SqliteDiscussionReader } from '../discussions/sqlite-discussion-reader.js';
import type { Identities } from '../participants/identities.js';
import type { GrantsReader, ParticipantsReader } from '../participants/read-model/participant-views.js';
import type { PersonalDataVault } from '../personal-data/personal-data-vault.js';

/**
 * What a use case may read or use besides its own stream: the event store, who holds which role, the read models
 * its rules consult, and the services around personal data. The one command handler gets them from the host.
 */
export interface Ports {
  readonly store: EventStore;
  readonly grants: GrantsReader;
  readonly participants: ParticipantsReader;
  readonly catalogue: SqliteCatalogueReader;
  readonly discussions: SqliteDiscussionReader;
  readonly rateLimit: CommentRateLimit;
  readonly identities: Identities;
  readonly vault: PersonalDataVault;
}
