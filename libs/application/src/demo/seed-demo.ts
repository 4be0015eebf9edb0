import type { CommandBus } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from '../kernel/command-context.js';
import { type EntityResult, runCommand } from '../kernel/use-case.js';
import { currentPlan } from '../plans/index.js';
import type { TrackingResult } from '../tracking/index.js';
import { discussionDecider, discussionStream, type DiscussionCommand } from '#domain';
import { grantRole, type ParticipantResult, registerParticipant } from '../participants/index.js';
import { DEMO_PLANS } from './demo-data.js';
import { addDays, demoHistory, run } from './demo-history.js';
import { DEMO_STAKEHOLDERS } from './demo-stakeholders.js';
import { DEMO_COMMENTS, DEMO_STAFF, DEMO_YOUTH } from './demo-people.js';

/** Namespace of the demo's command ids: fixed, so a second run recognises every command as a retry. */
const DEMO_NAMESPACE = '6e2b4d8a-3f1c-5a9e-b7d2-0c4e8f1a2b3d';

export interface SeedReport {
  readonly plans: number;
  readonly stakeholders: number;
  readonly commitments: number;
  /** Position of the last event the seed produced (or found). */
  readonly position: bigint | undefined;
}

/** The platform's date falls inside the demo's history, which would put events in its future. */
export class DemoCalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoCalendarError';
  }
}

/**
 * Seeds the demo plans through the same command handlers as the api, as an operator, replaying their history in
 * date order (each command is recorded on its own day, so `plan.asOf` and the deadlines tell a real story). Every
 * command carries a fixed commandId: running it again appends nothing.
 */
export async function seedDemo(commands: CommandBus, store: EventStore, actor: string, now: Date): Promise<SeedReport> {
  const today = now.toISOString().slice(0, 10);
  const day = (value: string): string => {
    const relative = /^today(?:\+(\d+))?$/.exec(value);
    return relative ? addDays(today, Number(relative[1] ?? 0)) : value;
  };

  const { steps, commitments } = demoHistory(day);
  const historyEnds = [steps.at(-1)?.on ?? today, ...DEMO_COMMENTS.map((comment) => comment.on)].reduce((a, b) => (a > b ? a : b));
  if (historyEnds > today) {
    // Nothing is recorded in the platform's future: a demonstration's calendar starts once the demo's history is over.
    throw new DemoCalendarError(
      `The demo's history runs to ${historyEnds}, after the platform's date ${today}: set DEMO_DATE on or after ${historyEnds}`,
    );
  }

  const ids = new Map<string, string>();
  let position: bigint | undefined;
  const correlationId = uuidv5(`demo-run/${now.toISOString()}`, DEMO_NAMESPACE);
  const track = (result: { position?: bigint | undefined }) => {
    if (result.position !== undefined && (position === undefined || result.position > position)) position = result.position;
  };
  /** The seeder acts as an operator, each command on its own day, with a fixed command id (so a rerun is a retry). */
  const operator = (key: string, on: string): CommandContext => ({
    actor,
    correlationId,
    commandId: uuidv5(`demo/${key}`, DEMO_NAMESPACE),
    now: new Date(`${on}T10:00:00.000Z`),
    asOperator: true,
  });
  for (const step of steps) {
    const result = (await commands.execute(step.command(operator(step.key, step.on), ids))) as EntityResult | TrackingResult;
    ids.set(step.key, result.id);
    if (step.item && 'itemId' in result) ids.set(step.item, result.itemId);
    track(result);
  }

  // Youth participants under pseudonyms, sponsored by their panels; their participant ids (which reveal nothing) by subject.
  const people = new Map<string, string>();
  const registered = (result: ParticipantResult, subject: string) => {
    people.set(subject, result.participantId);
    track(result);
  };
  for (const youth of DEMO_YOUTH) {
    const sponsorId = ids.get(`stakeholder/${youth.panel}`)!;
    registered(
      (await commands.execute(
        run(
          registerParticipant,
          { subject: youth.subject, displayName: youth.pseudonym, kind: 'YOUTH', ageBand: youth.ageBand, sponsorId },
          operator(`youth/${youth.subject}`, '2011-04-01'),
        ),
      )) as ParticipantResult,
      youth.subject,
    );
    track(
      (await commands.execute(
        run(grantRole, { subject: youth.subject, role: 'YOUTH', scope: sponsorId }, operator(`youth/${youth.subject}/role`, '2011-04-01')),
      )) as ParticipantResult,
    );
  }

  // The adults who work the plans: coordinators, focal points, a monitor, an analyst with no role, and the platform's administrator.
  for (const staff of DEMO_STAFF) {
    registered(
      (await commands.execute(
        run(
          registerParticipant,
          { subject: staff.subject, displayName: staff.displayName, kind: 'ADULT', ageBand: 'ADULT' },
          operator(`staff/${staff.subject}`, '2011-04-01'),
        ),
      )) as ParticipantResult,
      staff.subject,
    );
    if (staff.role) {
      const scope = staff.scope ? ids.get(staff.scope)! : null;
      track(
        (await commands.execute(
          run(grantRole, { subject: staff.subject, role: staff.role, scope }, operator(`staff/${staff.subject}/role`, '2011-04-01')),
        )) as ParticipantResult,
      );
    }
  }

  // Comments in every moderation state. They go through the discussion decider (redaction and pre-moderation
  // rules included); the seeder needs no read model to place them.
  for (const comment of DEMO_COMMENTS) {
    const [planKey, commitmentKey, milestoneKey] = comment.milestone.split('/');
    const milestoneId = ids.get(`plan/${planKey}/commitment/${commitmentKey}/item/${milestoneKey}`)!;
    const youth = DEMO_YOUTH.find((y) => y.subject === comment.author)!;
    const plan = await currentPlan(store, ids.get(`plan/${planKey}`)!);
    const commentId = uuidv5(`demo/comment/${comment.key}`, DEMO_NAMESPACE);
    const discuss = (key: string, command: DiscussionCommand, context: CommandContext) =>
      runCommand(commentId, { store, stream: discussionStream(milestoneId), decider: discussionDecider(milestoneId), command, context });
    const as = (subject: string, key: string): CommandContext => ({
      ...operator(key, comment.on),
      actor: people.get(subject)!,
      asOperator: false,
    });
    track(
      await discuss(
        'post',
        {
          type: 'PostComment',
          milestoneId,
          commentId,
          authorId: people.get(youth.subject)!,
          ageBand: youth.ageBand,
          text: comment.text,
          youthTakePart: true,
          plan,
        },
        as(youth.subject, `comment/${comment.key}`),
      ),
    );
    if (comment.then === 'approve')
      track(
        await discuss(
          'approve',
          { type: 'ApproveComment', commentId, by: actor, plan },
          operator(`comment/${comment.key}/approve`, comment.on),
        ),
      );
    if (comment.then === 'hide') {
      track(
        await discuss(
          'hide',
          { type: 'HideComment', commentId, by: actor, reason: 'Shares a contact handle; the author was told why.' },
          operator(`comment/${comment.key}/hide`, comment.on),
        ),
      );
    }
    if (comment.then === 'flag-three-times') {
      for (const flagger of DEMO_YOUTH.filter((y) => y.subject !== youth.subject).slice(0, 3)) {
        track(
          await discuss(
            'flag',
            { type: 'FlagComment', commentId, by: people.get(flagger.subject)!, reason: 'Not respectful' },
            as(flagger.subject, `comment/${comment.key}/flag/${flagger.subject}`),
          ),
        );
      }
    }
  }
  return { plans: DEMO_PLANS.length, stakeholders: DEMO_STAKEHOLDERS.length, commitments, position };
}
