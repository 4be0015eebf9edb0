import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import type { MarkNotificationsReadInput } from '../graphql/generated/schema.js';
import { CommandInput } from '../graphql/command-input.js';

export class MarkNotificationsReadInputDto extends CommandInput implements MarkNotificationsReadInput {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true, message: 'each id must be a notification id' })
  ids?: string[] | null;
}
