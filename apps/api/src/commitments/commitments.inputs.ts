import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import type {
  CommitmentLifecycleInput,
  CompleteCommitmentInput,
  MakeCommitmentInput,
  ReviseCommitmentInput,
  TargetInput,
  WithdrawCommitmentInput,
} from '../graphql/generated/schema.js';
import { ChangeInput, CommandInput } from '../graphql/command-input.js';
import { AREA_CODE } from '../plans/plans.inputs.js';

const NUMBER = { allowNaN: false, allowInfinity: false };

export class TargetInputDto implements TargetInput {
  @IsString()
  @Length(2, 300)
  indicator!: string;

  @IsString()
  @Length(1, 50)
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

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  coOwnerIds?: string[] | null;

  @IsString()
  @Length(3, 300)
  title!: string;

  @IsString()
  @Length(1, 5000)
  description!: string;

  @IsOptional()
  @IsString()
  @Length(1, 300)
  sourceReference?: string | null;

  @ValidateNested()
  @Type(() => TargetInputDto)
  target!: TargetInputDto;

  @IsOptional()
  @IsString()
  dueDate?: string | null;
}

export class CommitmentLifecycleInputDto extends ChangeInput implements CommitmentLifecycleInput {
  @IsUUID()
  commitmentId!: string;
}

export class ReviseCommitmentInputDto extends CommitmentLifecycleInputDto implements ReviseCommitmentInput {
  @IsString()
  @Length(3, 1000)
  reason!: string;

  @IsOptional()
  @IsString()
  @Length(3, 300)
  title?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 5000)
  description?: string | null;

  @IsOptional()
  @IsString()
  @Length(0, 300)
  sourceReference?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => TargetInputDto)
  target?: TargetInputDto | null;

  @IsOptional()
  @IsString()
  dueDate?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  coOwnerIds?: string[] | null;
}

export class WithdrawCommitmentInputDto extends CommitmentLifecycleInputDto implements WithdrawCommitmentInput {
  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class CompleteCommitmentInputDto extends CommitmentLifecycleInputDto implements CompleteCommitmentInput {
  @IsOptional()
  @IsString()
  completedOn?: string | null;
}
