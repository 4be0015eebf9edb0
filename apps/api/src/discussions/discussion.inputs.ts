import { IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import type {
  ApproveCommentInput,
  FlagCommentInput,
  HideCommentInput,
  PostCommentInput,
  WithdrawCommentInput,
} from '../graphql/generated/schema.js';
import { CommandInput } from '../graphql/command-input.js';

class DiscussionInput extends CommandInput {
  @IsUUID()
  milestoneId!: string;
}

export class PostCommentInputDto extends DiscussionInput implements PostCommentInput {
  @IsString()
  @Length(1, 2000)
  text!: string;
}

export class FlagCommentInputDto extends DiscussionInput implements FlagCommentInput {
  @IsUUID()
  commentId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string | null;
}

export class ApproveCommentInputDto extends DiscussionInput implements ApproveCommentInput {
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number | null;

  @IsUUID()
  commentId!: string;
}

export class HideCommentInputDto extends ApproveCommentInputDto implements HideCommentInput {
  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class WithdrawCommentInputDto extends DiscussionInput implements WithdrawCommentInput {
  @IsUUID()
  commentId!: string;
}
