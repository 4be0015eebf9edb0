import { Module } from '@nestjs/common';
import {
  GetParticipantHandler,
  GetViewerHandler,
  GrantRoleHandler,
  RegisterParticipantHandler,
  RevokeRoleHandler,
} from './participants/index.js';

/**
 * The command and query handlers. Their ports (EVENT_STORE, CLOCK, GRANTS, PARTICIPANTS) come from the host:
 * the api and the CLI provide them through the platform module.
 */
@Module({
  providers: [
    RegisterParticipantHandler,
    GrantRoleHandler,
    RevokeRoleHandler,
    GetViewerHandler,
    GetParticipantHandler,
  ],
})
export class ApplicationModule {}
