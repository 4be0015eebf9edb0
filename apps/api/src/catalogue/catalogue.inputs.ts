import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  AdmitStakeholderInput,
  ClosePlanInput,
  CommitmentLifecycleInput,
  CompleteCommitmentInput,
  DefineThematicAreaInput,
  DraftPlanInput,
  MakeCommitmentInput,
  PlanLifecycleInput,
  RegisterStakeholderInput,
  ReportingCycle,
  ReviseCommitmentInput,
  StakeholderKind,
  TargetInput,
  WithdrawCommitmentInput,
} from '../graphql/generated/schema.js';

const CYCLES: readonly ReportingCycle[] = ['ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY'];
const KINDS: readonly StakeholderKind[] = ['GOVERNMENT', 'PRIVATE_SECTOR', 'NGO', 'YOUTH_PANEL', 'INTERGOVERNMENTAL', 'LAW_ENFORCEMENT', 'ACADEMIC', 'OTHER'];
const AREA_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;
const NUMBER = { allowNaN: false, allowInfinity: false };

class CommandInput {
  @IsOptional() @IsUUID(undefined, { message: 'commandId must be a UUID' })
  commandId?: string | null;
}

class ChangeInput extends CommandInput {
  @IsOptional() @IsInt() @Min(0)
  expectedVersion?: number | null;
}

export class DraftPlanInputDto extends CommandInput implements DraftPlanInput {
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NL' })
  country!: string;

  @IsString() @Length(3, 200)
  title!: string;

  /** Dates are checked by the Date scalar; the decorators keep them through the whitelist. */
  @IsString()
  periodStart!: string;

  @IsString()
  periodEnd!: string;

  @IsOptional() @IsString()
  defaultDeadline?: string | null;

  @IsOptional() @IsIn(CYCLES)
  reportingCycle?: ReportingCycle | null;
}

export class DefineThematicAreaInputDto extends ChangeInput implements DefineThematicAreaInput {
  @IsUUID()
  planId!: string;

  @Matches(AREA_CODE, { message: 'code must be 1-20 letters, digits, dots, dashes or underscores' })
  code!: string;

  @IsString() @Length(2, 200)
  title!: string;
}

export class PlanLifecycleInputDto extends ChangeInput implements PlanLifecycleInput {
  @IsUUID()
  planId!: string;
}

export class ClosePlanInputDto extends PlanLifecycleInputDto implements ClosePlanInput {
  @IsOptional() @IsString() @Length(1, 1000)
  reason?: string | null;
}

export class RegisterStakeholderInputDto extends CommandInput implements RegisterStakeholderInput {
  @IsString() @Length(2, 200)
  name!: string;

  @IsIn(KINDS)
  kind!: StakeholderKind;

  @IsString() @Length(2, 100)
  sector!: string;

  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NL' })
  country!: string;
}

export class AdmitStakeholderInputDto extends ChangeInput implements AdmitStakeholderInput {
  @IsUUID()
  planId!: string;

  @IsUUID()
  stakeholderId!: string;
}

export class TargetInputDto implements TargetInput {
  @IsString() @Length(2, 300)
  indicator!: string;

  @IsString() @Length(1, 50)
  unit!: string;

  @IsNumber(NUMBER)
  baseline!: number;

  @IsNumber(NUMBER)
  targetValue!: number;
}

export class MakeCommitmentInputDto extends CommandInput implements MakeCommitmentInput {
  @IsUUID()
  planId!: string;

  @Matches(AREA_CODE, { message: 'thematicAreaCode must be a thematic area code of the plan' })
  thematicAreaCode!: string;

  @IsUUID()
  ownerId!: string;

  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID(undefined, { each: true })
  coOwnerIds?: string[] | null;

  @IsString() @Length(3, 300)
  title!: string;

  @IsString() @Length(1, 5000)
  description!: string;

  @IsOptional() @IsString() @Length(1, 300)
  sourceReference?: string | null;

  @ValidateNested() @Type(() => TargetInputDto)
  target!: TargetInputDto;

  @IsOptional() @IsString()
  dueDate?: string | null;
}

export class CommitmentLifecycleInputDto extends ChangeInput implements CommitmentLifecycleInput {
  @IsUUID()
  commitmentId!: string;
}

export class ReviseCommitmentInputDto extends CommitmentLifecycleInputDto implements ReviseCommitmentInput {
  @IsString() @Length(3, 1000)
  reason!: string;

  @IsOptional() @IsString() @Length(3, 300)
  title?: string | null;

  @IsOptional() @IsString() @Length(1, 5000)
  description?: string | null;

  @IsOptional() @IsString() @Length(0, 300)
  sourceReference?: string | null;

  @IsOptional() @ValidateNested() @Type(() => TargetInputDto)
  target?: TargetInputDto | null;

  @IsOptional() @IsString()
  dueDate?: string | null;

  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID(undefined, { each: true })
  coOwnerIds?: string[] | null;
}

export class WithdrawCommitmentInputDto extends CommitmentLifecycleInputDto implements WithdrawCommitmentInput {
  @IsString() @Length(3, 1000)
  reason!: string;
}

export class CompleteCommitmentInputDto extends CommitmentLifecycleInputDto implements CompleteCommitmentInput {
  @IsOptional() @IsString()
  completedOn?: string | null;
}
