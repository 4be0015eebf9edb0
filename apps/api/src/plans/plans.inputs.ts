import { IsISO31661Alpha2, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import type {
  AdmitStakeholderInput,
  ClosePlanInput,
  CloseReportingPeriodInput,
  DefineThematicAreaInput,
  DraftPlanInput,
  PlanLifecycleInput,
  ReportingCycle,
} from '../graphql/generated/schema.js';
import { ChangeInput, CommandInput } from '../graphql/command-input.js';

const CYCLES: readonly ReportingCycle[] = ['ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY'];
/** A thematic area's code, as plans define it and commitments name it. */
export const AREA_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;
const PERIOD = /^\d{4}(-H[12]|-Q[1-4])?$/;

export class DraftPlanInputDto extends CommandInput implements DraftPlanInput {
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NL' })
  country!: string;

  @IsString()
  @Length(3, 200)
  title!: string;

  /** Dates are checked by the Date scalar; the decorators keep them through the whitelist. */
  @IsString()
  periodStart!: string;

  @IsString()
  periodEnd!: string;

  @IsOptional()
  @IsString()
  defaultDeadline?: string | null;

  @IsOptional()
  @IsIn(CYCLES)
  reportingCycle?: ReportingCycle | null;
}

export class DefineThematicAreaInputDto extends ChangeInput implements DefineThematicAreaInput {
  @IsUUID()
  planId!: string;

  @Matches(AREA_CODE, { message: 'code must be 1-20 letters, digits, dots, dashes or underscores' })
  code!: string;

  @IsString()
  @Length(2, 200)
  title!: string;
}

export class PlanLifecycleInputDto extends ChangeInput implements PlanLifecycleInput {
  @IsUUID()
  planId!: string;
}

export class ClosePlanInputDto extends PlanLifecycleInputDto implements ClosePlanInput {
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string | null;
}

export class AdmitStakeholderInputDto extends ChangeInput implements AdmitStakeholderInput {
  @IsUUID()
  planId!: string;

  @IsUUID()
  stakeholderId!: string;
}

export class CloseReportingPeriodInputDto extends ChangeInput implements CloseReportingPeriodInput {
  @IsUUID()
  planId!: string;

  @Matches(PERIOD, { message: 'period must be a reporting period such as 2010, 2010-H2 or 2010-Q3' })
  period!: string;
}
