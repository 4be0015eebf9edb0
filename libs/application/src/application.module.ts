import { Module } from '@nestjs/common';
import { HostPorts, UseCaseHandler } from './kernel/use-case.handler.js';
import { Reminders } from './notifications/reminders.js';
import { KEY_STORE, type KeyStore, PersonalDataReader, PersonalDataVault } from './personal-data/index.js';

/**
 * The one command handler (every mutation is a use case it runs) and what it needs. Its ports (EVENT_STORE, CLOCK,
 * GRANTS, PARTICIPANTS, CATALOGUE, DISCUSSIONS, NOTIFICATIONS, TRACKING, COMMENT_RATE_LIMIT, IDENTITIES, KEY_STORE) come from the host: the api
 * and the CLI provide them through the (global) platform module, next to `CqrsModule.forRoot()`.
 */
@Module({
  providers: [
    HostPorts,
    UseCaseHandler,
    PersonalDataReader,
    Reminders,
    { provide: PersonalDataVault, inject: [KEY_STORE], useFactory: (keys: KeyStore) => new PersonalDataVault(keys) },
  ],
  exports: [PersonalDataVault, PersonalDataReader, Reminders],
})
export class ApplicationModule {}
