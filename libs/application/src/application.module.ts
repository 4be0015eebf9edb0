import { Module } from '@nestjs/common';
import { ChangeCommitmentHandler, MakeCommitmentHandler } from './commitments/index.js';
import { ChangePlanHandler, DraftPlanHandler } from './plans/index.js';
import { RegisterStakeholderHandler } from './stakeholders/index.js';
import { TrackCommitmentHandler } from './tracking/index.js';
import { DiscussHandler } from './discussions/index.js';
import { ErasePersonalDataHandler, GetPersonalDataHandler, KEY_STORE, type KeyStore, PersonalDataVault } from './personal-data/index.js';
import {
  BootstrapAdminHandler,
  GetParticipantHandler,
  GetViewerHandler,
  GrantRoleHandler,
  RegisterParticipantHandler,
  RevokeRoleHandler,
} from './participants/index.js';

/**
 * The command and query handlers. Their ports (EVENT_STORE, CLOCK, GRANTS, PARTICIPANTS) come from the host: the
 * api and the CLI provide them through the (global) platform module, next to `CqrsModule.forRoot()`.
 */
@Module({
  providers: [
    RegisterParticipantHandler,
    GrantRoleHandler,
    RevokeRoleHandler,
    BootstrapAdminHandler,
    GetViewerHandler,
    GetParticipantHandler,
    DraftPlanHandler,
    ChangePlanHandler,
    RegisterStakeholderHandler,
    MakeCommitmentHandler,
    ChangeCommitmentHandler,
    TrackCommitmentHandler,
    DiscussHandler,
    ErasePersonalDataHandler,
    GetPersonalDataHandler,
    { provide: PersonalDataVault, inject: [KEY_STORE], useFactory: (keys: KeyStore) => new PersonalDataVault(keys) },
  ],
  exports: [PersonalDataVault],
})
export class ApplicationModule {}
