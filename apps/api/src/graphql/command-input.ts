import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

/** What every mutation's input may carry: a client command id (a retry with the same one is recognised). */
export class CommandInput {
  @IsOptional()
  @IsUUID(undefined, { message: 'commandId must be a UUID' })
  commandId?: string | null;
}

/** A change to an existing aggregate: also the version the client read (another one is a CONFLICT). */
export class ChangeInput extends CommandInput {
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;
}
