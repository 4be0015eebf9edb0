import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import type {
  AgeBand,
  ErasePersonalDataInput,
  GrantRoleInput,
  ParticipantKind,
  RegisterParticipantInput,
  RevokeRoleInput,
  Role,
} from '../graphql/generated/schema.js';
import { CommandInput } from '../graphql/command-input.js';

const ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'FOCAL_POINT', 'MONITOR', 'YOUTH'];
const KINDS: readonly ParticipantKind[] = ['ADULT', 'YOUTH'];
const AGE_BANDS: readonly AgeBand[] = ['UNDER_18', 'AGE_18_24', 'ADULT'];
/** Subjects are identity-provider ids: printable, no whitespace. */
const SUBJECT = /^[\x21-\x7e]+$/;

export class RegisterParticipantInputDto extends CommandInput implements RegisterParticipantInput {
  @IsString()
  @Length(1, 200)
  @Matches(SUBJECT, { message: 'subject must be printable ASCII without spaces' })
  subject!: string;

  @IsString()
  @Length(1, 120)
  displayName!: string;

  @IsIn(KINDS)
  kind!: ParticipantKind;

  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand | null;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  realName?: string | null;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @IsOptional()
  @IsUUID()
  sponsorStakeholderId?: string | null;
}

export class ErasePersonalDataInputDto implements ErasePersonalDataInput {
  @IsOptional()
  @IsUUID(undefined, { message: 'commandId must be a UUID' })
  commandId?: string | null;

  @IsUUID()
  participantId!: string;
}

class RoleInput extends CommandInput {
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;

  @IsString()
  @Length(1, 200)
  @Matches(SUBJECT, { message: 'subject must be printable ASCII without spaces' })
  subject!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  scope?: string | null;
}

export class GrantRoleInputDto extends RoleInput implements GrantRoleInput {}

export class RevokeRoleInputDto extends RoleInput implements RevokeRoleInput {
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string | null;
}
