import { IsISO31661Alpha2, IsIn, IsString, Length } from 'class-validator';
import { STAKEHOLDER_KINDS } from '#domain';
import type { RegisterStakeholderInput, StakeholderKind } from '../graphql/generated/schema.js';
import { CommandInput } from '../graphql/command-input.js';

export class RegisterStakeholderInputDto extends CommandInput implements RegisterStakeholderInput {
  @IsString()
  @Length(2, 200)
  name!: string;

  @IsIn(STAKEHOLDER_KINDS)
  kind!: StakeholderKind;

  @IsString()
  @Length(2, 100)
  sector!: string;

  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NL' })
  country!: string;
}
