import { openPlan, type UnderPlan } from '../plans/plan.state.js';
import { assertNever, type Decider, type DomainEvent } from '../decider.js';
import { RuleViolation } from '../rule-violation.js';
import { redactContacts } from './redact-contacts.js';

export const AGE_BANDS = ['UNDER_18', '18_24', 'ADULT'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Comments a moderator has not judged yet (an under-18's, one contact details were removed from, one held after flags)
 * are `PENDING`; `HIDDEN` ones were hidden by a coordinator, `WITHDRAWN` ones by their author.
 */
export type CommentStatus = 'PENDING' | 'VISIBLE' | 'HIDDEN' | 'WITHDRAWN';

/** How many different participants' flags hide a comment until a coordinator reviews it. */
export const FLAGS_TO_HIDE = 3;
export const MAX_COMMENT_LENGTH = 2000;

type On<T extends string, D> = DomainEvent<T, { readonly milestoneId: string; readonly commentId: string } & D>;

export type CommentPosted = On<
  'CommentPosted',
  {
    readonly authorId: string;
    readonly ageBand: AgeBand;
    /** Already redacted on a plan where youth take part: contact details never reach the log. */
    readonly text: string;
    readonly redactions: number;
    readonly status: 'PENDING' | 'VISIBLE';
  }
>;
export type CommentFlagged = On<'CommentFlagged', { readonly by: string; readonly reason: string | null }>;
export type CommentHeldForReview = On<'CommentHeldForReview', { readonly flags: number }>;
export type CommentApproved = On<'CommentApproved', { readonly by: string }>;
export type CommentHidden = On<'CommentHidden', { readonly by: string; readonly reason: string }>;
export type CommentWithdrawn = On<'CommentWithdrawn', { readonly by: string }>;

export type DiscussionEvent = CommentPosted | CommentFlagged | CommentHeldForReview | CommentApproved | CommentHidden | CommentWithdrawn;
export const DISCUSSION_EVENT_TYPES = [
  'CommentPosted',
  'CommentFlagged',
  'CommentHeldForReview',
  'CommentApproved',
  'CommentHidden',
  'CommentWithdrawn',
] as const;

/** Comments on one milestone live in their own stream, so they never contend with edits of the commitment. */
export const discussionStream = (milestoneId: string): string => `discussion-${milestoneId}`;

/**
 * Posting and approving need the plan as it stands: a closed plan accepts no new or newly shown comment. Flagging and
 * hiding stay open on a closed plan, since they only ever reduce what is shown (safeguarding).
 */
export type DiscussionCommand =
  | ({
      readonly type: 'PostComment';
      readonly milestoneId: string;
      readonly commentId: string;
      readonly authorId: string;
      readonly ageBand: AgeBand;
      readonly text: string;
      /** A youth panel takes part in the plan: every comment is redacted, whoever writes it. */
      readonly youthTakePart: boolean;
    } & UnderPlan)
  | { readonly type: 'FlagComment'; readonly commentId: string; readonly by: string; readonly reason: string | null }
  | ({ readonly type: 'ApproveComment'; readonly commentId: string; readonly by: string } & UnderPlan)
  | { readonly type: 'HideComment'; readonly commentId: string; readonly by: string; readonly reason: string }
  | { readonly type: 'WithdrawComment'; readonly commentId: string; readonly by: string };

interface CommentState {
  readonly authorId: string;
  readonly status: CommentStatus;
  readonly flaggedBy: readonly string[];
}

export interface DiscussionState {
  readonly comments: Readonly<Record<string, CommentState>>;
}

function comment(state: DiscussionState, commentId: string): CommentState {
  const found = state.comments[commentId];
  if (!found) throw new RuleViolation('comment.not_found', 'There is no such comment.');
  return found;
}

function evolve(state: DiscussionState, event: DomainEvent): DiscussionState {
  const known = event as DiscussionEvent;
  const change = (id: string, update: (c: CommentState) => CommentState): DiscussionState => {
    const current = state.comments[id];
    return current ? { comments: { ...state.comments, [id]: update(current) } } : state;
  };
  switch (known.type) {
    case 'CommentPosted':
      return {
        comments: {
          ...state.comments,
          [known.data.commentId]: { authorId: known.data.authorId, status: known.data.status, flaggedBy: [] },
        },
      };
    case 'CommentFlagged':
      return change(known.data.commentId, (c) => ({ ...c, flaggedBy: [...c.flaggedBy, known.data.by] }));
    case 'CommentHeldForReview':
      return change(known.data.commentId, (c) => ({ ...c, status: 'PENDING' }));
    case 'CommentApproved':
      return change(known.data.commentId, (c) => ({ ...c, status: 'VISIBLE', flaggedBy: [] }));
    case 'CommentHidden':
      return change(known.data.commentId, (c) => ({ ...c, status: 'HIDDEN' }));
    case 'CommentWithdrawn':
      return change(known.data.commentId, (c) => ({ ...c, status: 'WITHDRAWN' }));
    default:
      return state;
  }
}

function decide(command: DiscussionCommand, state: DiscussionState, milestoneId: string): DiscussionEvent[] {
  switch (command.type) {
    case 'PostComment': {
      const plan = openPlan(command.plan);
      if (state.comments[command.commentId]) throw new RuleViolation('comment.duplicate', 'This comment already exists.');
      const trimmed = command.text.trim();
      if (trimmed.length === 0 || trimmed.length > MAX_COMMENT_LENGTH) {
        throw new RuleViolation('comment.invalid_length', `A comment is 1 to ${MAX_COMMENT_LENGTH} characters of plain text.`);
      }
      const { text, redactions } = command.youthTakePart
        ? redactContacts(trimmed, { country: plan.country })
        : { text: trimmed, redactions: 0 };
      // An under-18's comment, and any comment contact details were removed from, waits for a coordinator.
      const status = command.ageBand === 'UNDER_18' || redactions > 0 ? 'PENDING' : 'VISIBLE';
      return [
        {
          type: 'CommentPosted',
          data: {
            milestoneId: command.milestoneId,
            commentId: command.commentId,
            authorId: command.authorId,
            ageBand: command.ageBand,
            text,
            redactions,
            status,
          },
        },
      ];
    }
    case 'FlagComment': {
      const current = comment(state, command.commentId);
      // Only what everyone sees can be flagged: a comment pending, hidden or withdrawn is not there for the flagger.
      if (current.status !== 'VISIBLE') throw new RuleViolation('comment.not_found', 'There is no such comment.');
      if (current.authorId === command.by) throw new RuleViolation('comment.own_comment', 'You cannot flag your own comment.');
      if (current.flaggedBy.includes(command.by))
        throw new RuleViolation('comment.already_flagged', 'You have already flagged this comment.');
      const events: DiscussionEvent[] = [
        { type: 'CommentFlagged', data: { milestoneId, commentId: command.commentId, by: command.by, reason: command.reason } },
      ];
      const flags = current.flaggedBy.length + 1;
      if (flags >= FLAGS_TO_HIDE && current.status === 'VISIBLE') {
        events.push({ type: 'CommentHeldForReview', data: { milestoneId, commentId: command.commentId, flags } });
      }
      return events;
    }
    case 'ApproveComment': {
      openPlan(command.plan);
      const current = comment(state, command.commentId);
      if (current.status === 'VISIBLE') throw new RuleViolation('comment.already_visible', 'The comment is already visible.');
      if (current.status === 'WITHDRAWN') throw new RuleViolation('comment.withdrawn', 'Its author withdrew the comment.');
      return [{ type: 'CommentApproved', data: { milestoneId, commentId: command.commentId, by: command.by } }];
    }
    case 'HideComment': {
      const current = comment(state, command.commentId);
      if (current.status === 'HIDDEN') throw new RuleViolation('comment.hidden', 'The comment is already hidden.');
      if (current.status === 'WITHDRAWN') throw new RuleViolation('comment.withdrawn', 'Its author withdrew the comment.');
      const reason = command.reason.trim();
      if (reason === '') throw new RuleViolation('comment.reason_required', 'Say why the comment is hidden.');
      return [{ type: 'CommentHidden', data: { milestoneId, commentId: command.commentId, by: command.by, reason } }];
    }
    case 'WithdrawComment': {
      const current = comment(state, command.commentId);
      if (current.authorId !== command.by) throw new RuleViolation('comment.not_author', 'Only its author withdraws a comment.');
      if (current.status === 'WITHDRAWN') throw new RuleViolation('comment.withdrawn', 'The comment is already withdrawn.');
      return [{ type: 'CommentWithdrawn', data: { milestoneId, commentId: command.commentId, by: command.by } }];
    }
    default:
      return assertNever(command);
  }
}

/** The comments on one milestone and their moderation. */
export function discussionDecider(milestoneId: string): Decider<DiscussionState, DiscussionCommand, DiscussionEvent> {
  return { initialState: { comments: {} }, evolve, decide: (command, state) => decide(command, state, milestoneId) };
}
