import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import type {
  AddTaskInput,
  AssigneeKind,
  AssignTaskInput,
  CompleteMilestoneInput,
  CompleteTaskInput,
  DisputeProgressReportInput,
  EvidenceType,
  ReopenMilestoneInput,
  ReopenTaskInput,
  ReportProgressInput,
  RescheduleMilestoneInput,
  ScheduleMilestoneInput,
  VerifyProgressReportInput,
  Visibility,
} from '../graphql/generated/schema.js';
import { ChangeInput } from '../graphql/command-input.js';

const PERIOD = /^\d{4}(-H[12]|-Q[1-4])?$/;
const NUMBER = { allowNaN: false, allowInfinity: false };

class CommitmentChangeInput extends ChangeInput {
  @IsUUID()
  commitmentId!: string;
}

export class ScheduleMilestoneInputDto extends CommitmentChangeInput implements ScheduleMilestoneInput {
  @IsString()
  @Length(3, 300)
  title!: string;

  @IsString()
  dueDate!: string;
}

export class RescheduleMilestoneInputDto extends CommitmentChangeInput implements RescheduleMilestoneInput {
  @IsUUID()
  milestoneId!: string;

  @IsString()
  dueDate!: string;

  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class CompleteMilestoneInputDto extends CommitmentChangeInput implements CompleteMilestoneInput {
  @IsUUID()
  milestoneId!: string;

  @IsOptional()
  @IsString()
  completedOn?: string | null;
}

export class ReopenMilestoneInputDto extends CommitmentChangeInput implements ReopenMilestoneInput {
  @IsUUID()
  milestoneId!: string;

  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class AddTaskInputDto extends CommitmentChangeInput implements AddTaskInput {
  @IsString()
  @Length(3, 300)
  title!: string;

  @IsString()
  dueDate!: string;
}

export class AssignTaskInputDto extends CommitmentChangeInput implements AssignTaskInput {
  @IsUUID()
  taskId!: string;

  @IsIn(['PARTICIPANT', 'STAKEHOLDER'])
  assigneeKind!: AssigneeKind;

  @IsUUID()
  assigneeId!: string;
}

export class CompleteTaskInputDto extends CommitmentChangeInput implements CompleteTaskInput {
  @IsUUID()
  taskId!: string;

  @IsOptional()
  @IsString()
  completedOn?: string | null;
}

export class ReopenTaskInputDto extends CommitmentChangeInput implements ReopenTaskInput {
  @IsUUID()
  taskId!: string;

  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class ReportProgressInputDto extends CommitmentChangeInput implements ReportProgressInput {
  @Matches(PERIOD, { message: 'period must be a reporting period such as 2010, 2010-H2 or 2010-Q3' })
  period!: string;

  @IsOptional()
  @IsNumber(NUMBER)
  @Min(0)
  @Max(100)
  percentComplete?: number | null;

  @IsOptional()
  @IsNumber(NUMBER)
  indicatorValue?: number | null;

  @IsString()
  @Length(3, 10_000)
  narrative!: string;

  @IsIn(['PUBLIC', 'PARTNERS', 'RESTRICTED'])
  visibility!: Visibility;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'each evidence link must be an http(s) URL' })
  evidenceLinks?: string[] | null;

  @IsIn(['SELF_REPORTED', 'INDEPENDENTLY_VERIFIED', 'INSPECTION'])
  evidenceType!: EvidenceType;

  @IsOptional()
  @IsUUID()
  corrects?: string | null;
}

export class VerifyProgressReportInputDto extends CommitmentChangeInput implements VerifyProgressReportInput {
  @IsUUID()
  reportId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string | null;
}

export class DisputeProgressReportInputDto extends CommitmentChangeInput implements DisputeProgressReportInput {
  @IsUUID()
  reportId!: string;

  @IsString()
  @Length(3, 1000)
  reason!: string;
}
